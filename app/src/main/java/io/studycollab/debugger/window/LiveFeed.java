package io.studycollab.debugger.window;

import io.studycollab.realtime.events.EventHistory;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.presence.PresenceTracker;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Core state for the FX thread as immutable readings, made on a thread of its own. The presence
 * fold and the history take their locks while the hub folds and stores a batch (up to thousands of
 * records); the FX thread must never wait for that. Each pulse reads the latest reading (a volatile
 * read) and asks for a fresher one, which is ready by a following pulse. Owns its thread.
 */
public final class LiveFeed implements AutoCloseable {

    /** What the window shows of the live session, as of one moment. */
    public record Reading(PresenceSnapshot presence, long evicted) {
        public static final Reading EMPTY = new Reading(PresenceSnapshot.EMPTY, 0);
    }

    private final PresenceTracker presence;
    private final EventHistory history;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-feed");
        t.setDaemon(true);
        return t;
    });
    private volatile Reading latest = Reading.EMPTY;

    public LiveFeed(PresenceTracker presence, EventHistory history) {
        this.presence = presence;
        this.history = history;
    }

    /** The latest reading, without waiting; asks for a fresher one unless one is being made. */
    public Reading poll() {
        if (requested.compareAndSet(false, true) && !reader.isShutdown()) {
            reader.execute(() -> {
                try {
                    latest = new Reading(presence.snapshot(), history.evicted());
                } finally {
                    requested.set(false);
                }
            });
        }
        return latest;
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
