package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatMonitorTest {

    private static final long MS = 1_000_000;

    @Test
    void roundTripsJitterAndMissesGiveAQuality() {
        HeartbeatMonitor m = new HeartbeatMonitor(Duration.ofMillis(1500));
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
        m.sent(9, 8000 * MS);
        m.acked(9, 8700 * MS);
        m.sent(10, 9000 * MS);
        m.acked(10, 9700 * MS);
        assertEquals(700.0, m.averageRttMillis());
        assertEquals(ConnectionQuality.POOR, m.quality(true), "three slow round trips make the link poor");
    }

    @Test
    void qualityFollowsTheCurrentLinkWithinThreeHeartbeats() {
        HeartbeatMonitor m = new HeartbeatMonitor(Duration.ofMillis(15_000));
        long t = 0;
        for (int i = 1; i <= 10; i++, t += 5000 * MS) { // ten heartbeats on a high-latency link
            m.sent(i, t);
            m.acked(i, t + 305 * MS);
        }
        assertEquals(ConnectionQuality.GOOD, m.quality(true));
        assertEquals(305.0, m.averageRttMillis());
        for (int i = 11; i <= 13; i++, t += 5000 * MS) { // the network is back to normal
            m.sent(i, t);
            m.acked(i, t + 5 * MS);
        }
        assertEquals(5.0, m.averageRttMillis(), "the old link's samples are gone after three heartbeats");
        assertEquals(ConnectionQuality.EXCELLENT, m.quality(true));
    }
}
