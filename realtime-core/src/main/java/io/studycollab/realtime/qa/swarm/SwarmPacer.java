package io.studycollab.realtime.qa.swarm;

import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * The one timer behind every virtual user: ticks at a fixed rate on the swarm's clock and hands
 * each tick the milliseconds since the start, so users pace themselves by due times rather than by
 * counting ticks. A tick that comes late (the clock's thread was busy with 2,000 users, or the
 * machine was) is not made up with a burst: the users just see more time gone. How late the
 * ticks ran is kept: it says whether the swarm itself kept up.
 */
final class SwarmPacer implements AutoCloseable {

    private final Clock clock;
    private final long periodNanos;
    private final LongConsumer tick;
    private final long startNanos;
    private long ticks;
    private volatile long maxLateNanos;
    private volatile long lateTicks;
    private volatile boolean closed;
    private volatile Clock.Cancellable timer;

    /** @param tick given the milliseconds since the pacer started, on the clock's thread */
    SwarmPacer(Clock clock, Duration period, LongConsumer tick) {
        this.clock = clock;
        this.periodNanos = period.toNanos();
        this.tick = tick;
        this.startNanos = clock.monoNanos();
    }

    void start() {
        scheduleNext();
    }

    private void scheduleNext() {
        if (closed) {
            return;
        }
        long due = startNanos + (ticks + 1) * periodNanos;
        timer = clock.schedule(Duration.ofNanos(Math.max(0, due - clock.monoNanos())), () -> run(due));
    }

    private void run(long due) {
        if (closed) {
            return;
        }
        long now = clock.monoNanos();
        long late = now - due;
        if (late > periodNanos) {
            lateTicks++;
            maxLateNanos = Math.max(maxLateNanos, late);
            // Skip the ticks already missed: the next one is due after now.
            ticks = (now - startNanos) / periodNanos;
        } else {
            ticks++;
        }
        tick.accept((now - startNanos) / 1_000_000L);
        scheduleNext();
    }

    /** Ticks that ran more than a period late (missed ticks are skipped, not replayed). */
    long lateTicks() {
        return lateTicks;
    }

    /** The latest a tick ran, in ms. */
    double maxLateMs() {
        return maxLateNanos / 1e6;
    }

    @Override
    public void close() {
        closed = true;
        Clock.Cancellable t = timer;
        if (t != null) {
            t.cancel();
        }
    }
}
