package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void doublesFromOneSecondUpToThirtyWithoutJitterAtMidpoint() {
        ReconnectPolicy p = ReconnectPolicy.defaults().withRandom(() -> 0.5).withMaxAttempts(7);
        long[] expected = {1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], p.delayFor(i + 1).toMillis(), "attempt " + (i + 1));
        }
    }

    @Test
    void jitterStaysWithinPlusMinusFiftyPercentAndUnderTheCap() {
        Random random = new Random(42);
        ReconnectPolicy p =
                ReconnectPolicy.defaults().withRandom(random::nextDouble).withMaxAttempts(10);
        for (int round = 0; round < 2000; round++) {
            for (int attempt = 1; attempt <= 10; attempt++) {
                double base = Math.min(1000 * Math.pow(2, attempt - 1), 30000);
                long d = p.delayFor(attempt).toMillis();
                assertTrue(
                        d >= Math.round(base * 0.5) && d <= Math.min(Math.round(base * 1.5), 30000),
                        "attempt " + attempt + " waited " + d);
            }
        }
        assertEquals(
                500,
                ReconnectPolicy.defaults().withRandom(() -> 0.0).delayFor(1).toMillis());
        assertEquals(
                1500,
                ReconnectPolicy.defaults().withRandom(() -> 1.0).delayFor(1).toMillis());
    }

    @Test
    void allowsFiveAttemptsByDefault() {
        ReconnectPolicy p = ReconnectPolicy.defaults();
        assertTrue(p.allows(1));
        assertTrue(p.allows(5));
        assertFalse(p.allows(6));
        assertFalse(p.allows(0));
        assertFalse(p.withMaxAttempts(0).allows(1));
    }

    @Test
    void refusesNonsense() {
        assertThrows(
                IllegalArgumentException.class, () -> ReconnectPolicy.defaults().withJitter(1.5));
        assertThrows(
                IllegalArgumentException.class, () -> ReconnectPolicy.defaults().withMaxDelay(Duration.ofMillis(1)));
        assertThrows(
                IllegalArgumentException.class, () -> ReconnectPolicy.defaults().delayFor(0));
    }
}
