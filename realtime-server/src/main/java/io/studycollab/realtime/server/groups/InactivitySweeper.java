package io.studycollab.realtime.server.groups;

import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code every}, marks inactive the members silent for {@code timeout} in a group (§5) and
 * tells everyone in it. Runs on the clock's thread until closed.
 */
public final class InactivitySweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InactivitySweeper.class);

    private final GroupRegistry registry;
    private final GroupEvents events;
    private final Clock clock;
    private final Duration every;
    private final long timeoutNanos;
    private Clock.Cancellable timer;
    private boolean closed;

    public InactivitySweeper(
            GroupRegistry registry, GroupEvents events, Clock clock, Duration every, Duration timeout) {
        this.registry = registry;
        this.events = events;
        this.clock = clock;
        this.every = every;
        this.timeoutNanos = timeout.toNanos();
    }

    public synchronized void start() {
        if (!closed && timer == null) {
            timer = clock.schedule(every, this::sweep);
        }
    }

    private void sweep() {
        try {
            for (GroupRegistry.Changed c : registry.sweep(clock.monoNanos(), timeoutNanos)) {
                events.presence(c, null);
            }
        } catch (RuntimeException e) {
            LOG.error("inactivity sweep failed", e);
        } finally {
            synchronized (this) {
                timer = null;
                start();
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
