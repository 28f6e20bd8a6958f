package io.studycollab.realtime.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecordIndexTest {

    @Test
    void readsBackEveryOffsetAndTimeAcrossChunksAndDifferencesBeyondAnInt() {
        RecordIndex index = new RecordIndex();
        int n = RecordIndex.CHUNK * 3 + 17;
        long[] offsets = new long[n];
        long[] times = new long[n];
        long offset = 100;
        long t = 1_767_225_600_000L;
        for (int i = 0; i < n; i++) {
            // a huge line in the second chunk (3 GiB: past an int from the chunk's start) and a clock
            // that jumps back a month in the third: both chunks fall back to longs
            offset += i == RecordIndex.CHUNK + 5 ? 3L << 30 : 200 + i % 7;
            t += i == 2 * RecordIndex.CHUNK + 9 ? -30L * 24 * 3600 * 1000 : i % 3;
            offsets[i] = offset;
            times[i] = t;
            index.add(offset, t);
        }
        assertEquals(n, index.size());
        for (int i = 0; i < n; i++) {
            assertEquals(offsets[i], index.offset(i), "offset " + i);
            assertEquals(times[i], index.millis(i), "time " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> index.offset(n));
    }

    @Test
    void countsRecordsAtOrBeforeATime() {
        RecordIndex index = new RecordIndex();
        for (int i = 0; i < 10_000; i++) {
            index.add(i * 10L, 1_000 + i / 2); // two records a millisecond
        }
        assertEquals(0, index.countAt(999));
        assertEquals(2, index.countAt(1_000));
        assertEquals(2_002, index.countAt(2_000));
        assertEquals(10_000, index.countAt(Long.MAX_VALUE));
    }
}
