package io.studycollab.debugger.window;

import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHistory;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.time.SystemClock;

/**
 * Everything a live window runs on, owned in one place: clock, hub, history, presence fold, the
 * client and the FX pump. Closing it stops them all, newest first.
 */
public final class LiveSession implements AutoCloseable {

    public static final int DEFAULT_LOG_LIMIT = 10_000;

    private final SystemClock clock = new SystemClock("debugger-clock");
    private final EventHub hub = new EventHub("debugger-hub");
    private final EventHistory history = new EventHistory(DEFAULT_LOG_LIMIT);
    private final PresenceTracker presence = new PresenceTracker();
    private final RealtimeClient client;
    private final FxEventPump pump;

    public LiveSession(ClientOptions options) {
        hub.subscribe(history);
        hub.subscribe(presence);
        client = new RealtimeClient(hub, clock, options);
        pump = new FxEventPump(hub);
    }

    public SystemClock clock() {
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

    public RealtimeClient client() {
        return client;
    }

    public FxEventPump pump() {
        return pump;
    }

    @Override
    public void close() {
        pump.close();
        client.close();
        hub.close();
        clock.close();
    }
}
