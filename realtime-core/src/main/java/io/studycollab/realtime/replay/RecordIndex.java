package io.studycollab.realtime.replay;

import java.util.Arrays;

/**
 * Where each indexed record starts in its file and when it happened, in 8 bytes a record: records
 * are kept in chunks of {@value #CHUNK} as int differences from the chunk's first record (a chunk
 * whose differences outgrow an int switches to full longs). 10,000,000 records take 80 MB, not the
 * 160 MB of two long arrays, and growing never copies the whole index (only the list of chunks).
 *
 * <p>One thread adds (the indexer); any thread reads the first {@link #size()} records while it does:
 * {@code size} is published last, so a reader that sees it sees the entries before it.
 */
final class RecordIndex {

    private static final int SHIFT = 12;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private volatile Chunk[] chunks = new Chunk[16];
    private volatile int size;

    /** Appends the next record's byte offset and time (indexer thread only). */
    void add(long offset, long millis) {
        int i = size;
        int c = i >>> SHIFT;
        Chunk[] cs = chunks;
        if (c == cs.length) {
            cs = Arrays.copyOf(cs, c * 2);
            chunks = cs;
        }
        if (cs[c] == null) {
            cs[c] = new Chunk(offset, millis);
        }
        cs[c].put(i & MASK, offset, millis);
        size = i + 1;
    }

    int size() {
        return size;
    }

    long offset(int i) {
        return chunk(i).offsets.get(i & MASK);
    }

    long millis(int i) {
        return chunk(i).times.get(i & MASK);
    }

    /** How many of the indexed records have a time at or before {@code millis} (times ascending). */
    int countAt(long millis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (millis(mid) <= millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private Chunk chunk(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + size + " indexed");
        }
        return chunks[i >>> SHIFT];
    }

    private static final class Chunk {
        final Packed offsets;
        final Packed times;

        Chunk(long firstOffset, long firstMillis) {
            offsets = new Packed(firstOffset);
            times = new Packed(firstMillis);
        }

        void put(int k, long offset, long millis) {
            offsets.put(k, offset);
            times.put(k, millis);
        }
    }

    /** One chunk's values of one column: ints from a base, or longs once one does not fit. */
    private static final class Packed {
        final long base;
        final int[] small = new int[CHUNK];
        // Set (after it holds every earlier value) when a difference does not fit an int; volatile
        // so a reader that sees it also sees what was copied into it.
        volatile long[] wide;

        Packed(long base) {
            this.base = base;
        }

        void put(int k, long value) {
            long[] w = wide;
            if (w != null) {
                w[k] = value;
                return;
            }
            long d = value - base;
            if (d == (int) d) {
                small[k] = (int) d;
                return;
            }
            w = new long[CHUNK];
            for (int j = 0; j < k; j++) {
                w[j] = base + small[j];
            }
            w[k] = value;
            wide = w;
        }

        long get(int k) {
            long[] w = wide;
            return w != null ? w[k] : base + small[k];
        }
    }
}
