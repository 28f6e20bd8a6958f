package io.studycollab.debugger.window;

import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHistory;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.time.Clock;
import java.util.List;

/**
 * Everything a live window runs on, in one place: hub, history, presence fold, the client, the
 * feed of snapshots for the FX thread and the FX pump. The clock is injected and stays its
 * creator's. Closing stops the rest, newest first.
 *
 * <p>The client can be replaced (to change how many reconnect attempts it makes before giving up):
 * hub, history, fold and pump stay, so the log and the group carry on across the swap.
 */
public final class LiveSession implements AutoCloseable {

    public static final int DEFAULT_LOG_LIMIT = 10_000;

    private final Clock clock;
    private final EventHub hub = new EventHub("debugger-hub");
    private final EventHistory history = new EventHistory(DEFAULT_LOG_LIMIT);
    private final PresenceTracker presence = new PresenceTracker();
    private final LiveFeed feed = new LiveFeed(presence, history);
    private final FxEventPump pump;
    private volatile RealtimeClient client;

    public LiveSession(ClientOptions options, Clock clock) {
        this.clock = clock;
        hub.subscribe(history);
        // The window's group is its own connection's; the members behind the proxy (records with a
        // connection id) each have their own fold, in the delivery matrix.
        hub.subscribe(batch -> presence.onEvents(withoutProxied(batch)));
        client = new RealtimeClient(hub, clock, options);
        pump = new FxEventPump(hub);
    }

    private static List<EventRecord> withoutProxied(List<EventRecord> batch) {
        for (EventRecord r : batch) {
            if (r.packet().connection() != null) {
                return batch.stream()
                        .filter(x -> x.packet().connection() == null)
                        .toList();
            }
        }
        return batch;
    }

    public Clock clock() {
        return clock;
    }

    public EventHub hub() {
        return hub;
    }

    public EventHistory history() {
        return history;
    }

    public PresenceTracker presence() {
        return presence;
    }

    /** Immutable readings of the fold and history for the FX thread. */
    public LiveFeed feed() {
        return feed;
    }

    /** The current client (see {@link #replaceClient}). */
    public RealtimeClient client() {
        return client;
    }

    /** Closes the current client and puts one with {@code options} in its place, not connected. */
    public RealtimeClient replaceClient(ClientOptions options) {
        RealtimeClient old = client;
        client = new RealtimeClient(hub, clock, options);
        old.close();
        return client;
    }

    public FxEventPump pump() {
        return pump;
    }

    @Override
    public void close() {
        pump.close();
        client.close();
        feed.close();
        hub.close();
    }
}
