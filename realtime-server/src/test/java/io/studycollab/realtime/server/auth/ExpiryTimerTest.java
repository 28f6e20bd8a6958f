package io.studycollab.realtime.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiryTimerTest {

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final AtomicInteger fired = new AtomicInteger();

    @Test
    void firesOnceWhenTheTokenExpires() {
        ExpiryTimer.arm(clock, clock.wallMillis() + Duration.ofMinutes(90).toMillis(), fired::incrementAndGet);
        clock.advance(Duration.ofMinutes(89));
        assertEquals(0, fired.get());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, fired.get());
        clock.advance(Duration.ofDays(3));
        assertEquals(1, fired.get());
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void aTokenValidUntilTheYear9999NeverArmsMoreThanADayAhead() {
        ExpiryTimer.arm(clock, TokenVerifier.LATEST.toEpochMilli(), fired::incrementAndGet);
        for (int day = 0; day < 5; day++) {
            assertTrue(clock.nextDue().compareTo(ExpiryTimer.MAX_STEP) <= 0, "armed " + clock.nextDue());
            clock.advance(Duration.ofDays(1));
            assertEquals(1, clock.pendingTasks(), "re-armed for the next day");
        }
        assertEquals(0, fired.get());
    }

    @Test
    void cancelledStaysQuiet() {
        ExpiryTimer t =
                ExpiryTimer.arm(clock, clock.wallMillis() + Duration.ofDays(2).toMillis(), fired::incrementAndGet);
        clock.advance(Duration.ofDays(1));
        t.cancel();
        clock.advance(Duration.ofDays(2));
        assertEquals(0, fired.get());
        assertEquals(0, clock.pendingTasks());
    }
}
