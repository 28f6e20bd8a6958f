package io.studycollab.realtime.qa.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CursorLatencyTest {

    @Test
    void aReceiptIsTimedAgainstTheSendOfTheSamePosition() {
        CursorLatency.Sends sends = new CursorLatency.Sends();
        sends.sent(1.5, 2, 1_000_000);
        sends.sent(3, 4, 2_000_000);
        assertEquals(1_000_000, sends.sentAt(1.5, 2));
        assertEquals(2_000_000, sends.sentAt(3, 4));
        assertEquals(-1, sends.sentAt(3, 5));
    }

    @Test
    void onlyTheLastSendsAreKept() {
        CursorLatency.Sends sends = new CursorLatency.Sends();
        for (int i = 0; i < CursorLatency.RING + 1; i++) {
            sends.sent(i, i, i);
        }
        assertEquals(-1, sends.sentAt(0, 0), "the oldest was overwritten");
        assertEquals(1, sends.sentAt(1, 1));
    }

    @Test
    void percentilesComeFromTheHistogramAndUnmatchedReceiptsAreNoSamples() {
        CursorLatency latency = new CursorLatency();
        for (int ms = 0; ms < 100; ms++) {
            latency.received(0, ms * 1_000_000L + 500_000); // 0.5, 1.5, … 99.5 ms
        }
        latency.received(-1, 5);
        assertEquals(100, latency.samples());
        assertEquals(1, latency.unmatched());
        assertEquals(50, latency.percentileMs(50));
        assertEquals(99, latency.percentileMs(99));
        assertEquals(99.5, latency.maxMs(), 0.001);
        latency.reset();
        assertEquals(-1, latency.percentileMs(99));
    }

    @Test
    void groupsOfASetSizeWithASmallerLastOne() {
        SwarmShape shape = SwarmShape.defaults().withGroupSize(4);
        assertEquals("g-1", shape.groupOf("g", 3));
        assertEquals("g-2", shape.groupOf("g", 4));
        assertEquals(4, shape.membersWith(0, 10));
        assertEquals(2, shape.membersWith(9, 10));
        assertEquals("g", SwarmShape.defaults().groupOf("g", 9));
        assertEquals(10, SwarmShape.defaults().membersWith(9, 10));
    }
}
