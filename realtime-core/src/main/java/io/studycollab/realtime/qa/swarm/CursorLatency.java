package io.studycollab.realtime.qa.swarm;

import java.util.Arrays;

/**
 * Cursor delivery latency across the swarm, in bounded memory: each sender remembers its last
 * {@value #RING} positions with their send times, and a receiver that gets
 * {@code user:cursor:updated} looks the position up in the sender's ring; the delay goes into a
 * histogram of 1 ms buckets (10 s, then one overflow bucket). Sender and receiver are in this JVM,
 * so one monotonic clock times both ends. A position no longer in the ring (delivered more than
 * {@value #RING} sends late) counts as unmatched, not as a made-up delay.
 */
final class CursorLatency {

    static final int RING = 64;
    private static final int BUCKETS = 10_000;

    /** The last positions one user sent. */
    static final class Sends {
        private final double[] xs = new double[RING];
        private final double[] ys = new double[RING];
        private final long[] nanos = new long[RING];
        private int next;
        private int size;
        private long seen;

        synchronized void sent(double x, double y, long atNanos) {
            xs[next] = x;
            ys[next] = y;
            nanos[next] = atNanos;
            next = (next + 1) % RING;
            size = Math.min(RING, size + 1);
        }

        /** When (x, y) was sent, or -1; the newest match wins. */
        synchronized long sentAt(double x, double y) {
            for (int k = 1; k <= size; k++) {
                int i = (next - k + RING) % RING;
                if (xs[i] == x && ys[i] == y) {
                    return nanos[i];
                }
            }
            return -1;
        }

        /** Another user received one of these moves. */
        synchronized void seenByOther() {
            seen++;
        }

        /** How many of this user's moves others received (and were timed). */
        synchronized long seen() {
            return seen;
        }
    }

    private final long[] histogram = new long[BUCKETS + 1];
    private long samples;
    private long unmatched;
    private long maxNanos;

    /** A receipt at {@code receivedNanos} of what was sent at {@code sentNanos} (-1: not found). */
    synchronized void received(long sentNanos, long receivedNanos) {
        if (sentNanos < 0) {
            unmatched++;
            return;
        }
        long d = Math.max(0, receivedNanos - sentNanos);
        maxNanos = Math.max(maxNanos, d);
        histogram[(int) Math.min(BUCKETS, d / 1_000_000L)]++;
        samples++;
    }

    /** Starts the figures afresh (after a warm-up). */
    synchronized void reset() {
        Arrays.fill(histogram, 0);
        samples = 0;
        unmatched = 0;
        maxNanos = 0;
    }

    synchronized long samples() {
        return samples;
    }

    synchronized long unmatched() {
        return unmatched;
    }

    synchronized double maxMs() {
        return maxNanos / 1e6;
    }

    /** The upper edge of the bucket holding the p-th percentile, in ms (-1 before any sample). */
    synchronized double percentileMs(double p) {
        if (samples == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(p / 100 * samples);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                return i == BUCKETS ? maxMs() : i + 1;
            }
        }
        return maxMs();
    }
}
