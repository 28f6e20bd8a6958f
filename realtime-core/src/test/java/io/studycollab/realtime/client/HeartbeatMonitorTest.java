package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeartbeatMonitorTest {

    private static final long MS = 1_000_000;

    @Test
    void roundTripsJitterAndMissesGiveAQuality() {
        HeartbeatMonitor m = new HeartbeatMonitor(java.time.Duration.ofMillis(1500));
        assertEquals(ConnectionQuality.OFFLINE, m.quality(false));
        assertEquals(ConnectionQuality.GOOD, m.quality(true), "connected but unmeasured");
        m.sent(1, 0);
        assertEquals(20.0, m.acked(1, 20 * MS));
        m.sent(2, 1000 * MS);
        m.acked(2, 1030 * MS);
        assertEquals(25.0, m.averageRttMillis());
        assertEquals(10.0, m.jitterMillis());
        assertEquals(ConnectionQuality.EXCELLENT, m.quality(true));
        assertEquals(-1, m.acked(99, 0), "an ack we never asked for is ignored");

        m.sent(3, 2000 * MS);
        m.sent(4, 3000 * MS); // 3 not answered yet: late, not missed
        assertEquals(0, m.missedTotal());
        m.sent(5, 4000 * MS); // 3 now unanswered for 2 s: missed
        assertEquals(1, m.missedTotal());
        assertEquals(ConnectionQuality.POOR, m.quality(true));
        m.acked(4, 3020 * MS);
        m.acked(5, 4020 * MS);
        m.sent(6, 5000 * MS);
        m.acked(6, 5020 * MS);
        m.sent(7, 6000 * MS);
        m.acked(7, 6020 * MS);
        assertEquals(ConnectionQuality.EXCELLENT, m.quality(true), "recovers once recent acks arrive");

        m.sent(8, 7000 * MS);
        m.acked(8, 7700 * MS);
        assertEquals(ConnectionQuality.POOR, HeartbeatMonitorTest.classifyLast(700));
    }

    private static ConnectionQuality classifyLast(double rtt) {
        return ConnectionQuality.classify(true, rtt, 0, 0);
    }
}
