package io.studycollab.realtime.client;

import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Our own heartbeat: a {@code heartbeat { ts }} every interval while the connection it was started
 * for is current and connected, timed on the client's clock. The {@link HeartbeatMonitor} it feeds
 * turns the acks into round trip, jitter and missed beats. Timestamps only go up, so an ack names
 * exactly one beat (the token swap's drain marker is one of them).
 */
final class HeartbeatScheduler {

    private final Clock clock;
    private final Duration interval;
    private final Consumer<Runnable> loop;
    private final LongConsumer send;
    private final HeartbeatMonitor monitor;
    private long lastTs;
    private Clock.Cancellable timer;

    /** {@code send(ts)} puts the heartbeat on the current connection. */
    HeartbeatScheduler(Clock clock, Duration interval, Consumer<Runnable> loop, LongConsumer send) {
        this.clock = clock;
        this.interval = interval;
        this.loop = loop;
        this.send = send;
        // Unanswered for three intervals: missed (slow links answer late, not never).
        this.monitor = new HeartbeatMonitor(interval.multipliedBy(3));
    }

    /** Beats now and every interval after, for as long as {@code stillCurrent} says so. */
    void start(BooleanSupplier stillCurrent) {
        long ts = nextTs();
        monitor.sent(ts, clock.monoNanos());
        send.accept(ts);
        timer = clock.schedule(
                interval,
                () -> loop.accept(() -> {
                    if (stillCurrent.getAsBoolean()) {
                        start(stillCurrent);
                    }
                }));
    }

    /** The next timestamp: the wall clock, or one past the last one handed out. */
    long nextTs() {
        lastTs = Math.max(clock.wallMillis(), lastTs + 1);
        return lastTs;
    }

    void acked(long ts) {
        monitor.acked(ts, clock.monoNanos());
    }

    /** No more beats on this connection. */
    void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** The connection is gone: no more beats, and its figures start afresh on the next one. */
    void reset() {
        stop();
        monitor.reset();
    }

    HeartbeatMonitor monitor() {
        return monitor;
    }
}
