package io.studycollab.realtime.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A clock that only moves when told to. Tasks run on the thread that calls {@link #advance},
 * in due order, each seeing the clock at its own due time. For deterministic tests of anything
 * that waits.
 */
public final class ManualClock implements Clock {

    private record Task(long dueNanos, long order, Runnable body, boolean[] cancelled) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int byTime = Long.compare(dueNanos, o.dueNanos);
            return byTime != 0 ? byTime : Long.compare(order, o.order);
        }
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final long wallOriginMillis;
    private long nanos;
    private long order;

    public ManualClock(long wallOriginMillis) {
        this.wallOriginMillis = wallOriginMillis;
    }

    public ManualClock() {
        this(1_767_225_600_000L); // 2026-01-01T00:00:00Z
    }

    @Override
    public synchronized long wallMillis() {
        return wallOriginMillis + nanos / 1_000_000L;
    }

    @Override
    public synchronized long monoNanos() {
        return nanos;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(nanos + Math.max(0, delay.toNanos()), order++, task, cancelled));
        return () -> {
            synchronized (ManualClock.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves time forward, running every task that falls due on the way. */
    public void advance(Duration by) {
        long target;
        synchronized (this) {
            target = nanos + by.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.dueNanos > target) {
                    nanos = target;
                    return;
                }
                tasks.poll();
                nanos = Math.max(nanos, next.dueNanos);
                if (next.cancelled[0]) {
                    continue;
                }
            }
            next.body.run();
        }
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** Tasks still waiting (cancelled ones excluded). */
    public synchronized int pendingTasks() {
        return (int) tasks.stream().filter(t -> !t.cancelled[0]).count();
    }

    /** Delay from now until the next pending task, or null when none is waiting. */
    public synchronized Duration nextDue() {
        return tasks.stream()
                .filter(t -> !t.cancelled[0])
                .min(Task::compareTo)
                .map(t -> Duration.ofNanos(t.dueNanos - nanos))
                .orElse(null);
    }
}
