package io.studycollab.realtime.server.limits;

import io.netty.util.concurrent.EventExecutor;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * Whether the server's event loops are behind: how late they run a task handed to them now. A loop
 * runs it only after the reads, events and writes queued before it, so a loop that cannot keep up (a
 * flood, or a machine that gives the server too little CPU) shows as lag long before any budget
 * counted in messages a second is reached. {@link GroupFanout} holds cursor updates while the loops
 * are behind, so that a starved server spends what CPU it gets on reading its sockets rather than on
 * fan-out that makes it later still.
 *
 * <p>Every {@code every} (on the server's clock) one probe task goes to each loop that has none
 * pending; its lag is measured on {@code nanos}, the real time the loops run in (not the server's
 * clock, which tests move by hand). The loops are behind while the last probe of any loop took longer
 * than {@code limit}, or one is still waiting that long.
 */
public final class LoopLag implements AutoCloseable {

    /** Behind from this lag on: a few frames at 60 Hz, far above a healthy loop's lag (microseconds). */
    public static final Duration LIMIT = Duration.ofMillis(100);

    private final Clock clock;
    private final Duration every;
    private final long limitNanos;
    private final LongSupplier nanos;
    /** Each loop seen, with the time its pending probe was sent (null while none is pending). */
    private final Map<EventExecutor, Long> sent = new ConcurrentHashMap<>();

    private final Map<EventExecutor, Long> lastLag = new ConcurrentHashMap<>();
    private Clock.Cancellable timer;
    private boolean closed;

    public LoopLag(Clock clock, Duration every, Duration limit, LongSupplier nanos) {
        this.clock = clock;
        this.every = every;
        this.limitNanos = limit.toNanos();
        this.nanos = nanos;
    }

    /** A server's loops, probed every {@code every}, on real time. */
    public static LoopLag of(Clock clock, Duration every) {
        return new LoopLag(clock, every, LIMIT, System::nanoTime);
    }

    /** A loop that runs connections; probing starts with the first one. Any thread. */
    public void watch(EventExecutor loop) {
        if (lastLag.putIfAbsent(loop, 0L) == null) {
            arm();
        }
    }

    private synchronized void arm() {
        if (timer == null && !closed) {
            timer = clock.schedule(every, this::tick);
        }
    }

    private void tick() {
        synchronized (this) {
            timer = null;
        }
        probe();
        arm();
    }

    /** Sends a probe to every loop that has none pending. */
    void probe() {
        for (EventExecutor loop : lastLag.keySet()) {
            long now = nanos.getAsLong();
            if (sent.putIfAbsent(loop, now) == null) {
                try {
                    loop.execute(() -> {
                        Long at = sent.remove(loop);
                        if (at != null) {
                            lastLag.put(loop, nanos.getAsLong() - at);
                        }
                    });
                } catch (RejectedExecutionException shuttingDown) {
                    sent.remove(loop);
                    lastLag.remove(loop);
                }
            }
        }
    }

    /** True while a loop's last probe took longer than the limit or one has waited longer already. */
    public boolean behind() {
        for (long lag : lastLag.values()) {
            if (lag > limitNanos) {
                return true;
            }
        }
        long now = nanos.getAsLong();
        for (long at : sent.values()) {
            if (now - at > limitNanos) {
                return true;
            }
        }
        return false;
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
