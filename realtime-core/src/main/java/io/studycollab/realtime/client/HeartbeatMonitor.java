package io.studycollab.realtime.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Round-trip times of our {@code heartbeat} → {@code heartbeat:ack}: latest, average and jitter
 * over the last few, and acks that never came. Pure bookkeeping; the client feeds it times.
 *
 * <p>The figures describe the link as it is now: the average and jitter cover only the last {@link
 * #WINDOW} round trips, so after a network change (high latency back to normal) the round trip and
 * quality follow within three heartbeats instead of carrying the old link's samples for ten.
 */
public final class HeartbeatMonitor {

    static final int WINDOW = 3;

    private final Map<Long, Long> outstanding = new HashMap<>(); // ts sent -> mono nanos
    private final long missAfterNanos;
    private final ArrayDeque<Double> samples = new ArrayDeque<>();
    private final ArrayDeque<Boolean> recent = new ArrayDeque<>(); // true = missed
    private long missedTotal;
    private double lastRtt = -1;

    /** @param missAfter how long a heartbeat may go unanswered before it counts as missed */
    public HeartbeatMonitor(Duration missAfter) {
        this.missAfterNanos = missAfter.toNanos();
    }

    public synchronized void sent(long ts, long monoNanos) {
        var it = outstanding.entrySet().iterator();
        while (it.hasNext()) {
            if (monoNanos - it.next().getValue() >= missAfterNanos) {
                it.remove();
                missedTotal++;
                remember(true);
            }
        }
        outstanding.put(ts, monoNanos);
    }

    /** Returns the round trip in ms, or -1 when the ack does not match a heartbeat we sent. */
    public synchronized double acked(long ts, long monoNanos) {
        Long sentAt = outstanding.remove(ts);
        if (sentAt == null) {
            return -1;
        }
        lastRtt = (monoNanos - sentAt) / 1_000_000.0;
        samples.addLast(lastRtt);
        if (samples.size() > WINDOW) {
            samples.removeFirst();
        }
        remember(false);
        return lastRtt;
    }

    private void remember(boolean missed) {
        recent.addLast(missed);
        if (recent.size() > 3) {
            recent.removeFirst();
        }
    }

    public synchronized void reset() {
        outstanding.clear();
        recent.clear();
    }

    public synchronized double lastRttMillis() {
        return lastRtt;
    }

    public synchronized double averageRttMillis() {
        return samples.stream().mapToDouble(Double::doubleValue).average().orElse(-1);
    }

    /** Mean absolute difference between consecutive round trips. */
    public synchronized double jitterMillis() {
        if (samples.size() < 2) {
            return 0;
        }
        double sum = 0;
        Double prev = null;
        for (Double s : samples) {
            if (prev != null) {
                sum += Math.abs(s - prev);
            }
            prev = s;
        }
        return sum / (samples.size() - 1);
    }

    public synchronized int recentMisses() {
        return (int) recent.stream().filter(b -> b).count();
    }

    public synchronized long missedTotal() {
        return missedTotal;
    }

    public ConnectionQuality quality(boolean online) {
        return ConnectionQuality.classify(online, averageRttMillis(), jitterMillis(), recentMisses());
    }
}
