package io.studycollab.realtime.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.time.ManualClock;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final ManualClock clock = new ManualClock();

    private static int takeAll(TokenBucket b) {
        int n = 0;
        while (b.tryTake()) {
            n++;
        }
        return n;
    }

    @Test
    void aFullBucketGivesItsBurstThenRefillsAtItsRate() {
        TokenBucket b = new TokenBucket(clock, 20, 40);
        assertEquals(40, takeAll(b));
        clock.advanceMillis(49);
        assertFalse(b.tryTake(), "under one token after 49 ms at 20/s");
        clock.advanceMillis(1);
        assertTrue(b.tryTake(), "one token after 50 ms");
        clock.advanceMillis(1_000);
        assertEquals(20, takeAll(b), "a second refills 20");
    }

    @Test
    void neverSavesMoreThanTheBurst() {
        TokenBucket b = new TokenBucket(clock, 30, 30);
        clock.advanceMillis(60_000);
        assertEquals(30, takeAll(b));
    }

    @Test
    void takesCostsOfManyTokensAndACostAboveTheBurstOnceFull() {
        TokenBucket b = new TokenBucket(clock, 100, 10);
        assertTrue(b.tryTake(6));
        assertFalse(b.tryTake(6), "4 left");
        clock.advanceMillis(60);
        assertTrue(b.tryTake(50), "a cost above the burst passes when the bucket is full");
        assertEquals(-10, b.available(), 1e-9, "and leaves at most one burst of debt");
        assertFalse(b.tryTake(1));
        clock.advanceMillis(110);
        assertTrue(b.tryTake(1), "the debt is paid back at the rate");
    }

    @Test
    void aChargeIsTakenWhateverTheBalanceWithTheDebtCapped() {
        TokenBucket b = new TokenBucket(clock, 1_000, 100);
        b.charge(30);
        assertEquals(70, b.available(), 1e-9);
        b.charge(1_000);
        assertEquals(-100, b.available(), 1e-9);
        clock.advanceMillis(150);
        assertEquals(50, b.available(), 1e-9);
    }

    @Test
    void refusesARateOrBurstThatCouldNeverGiveAToken() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(clock, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(clock, 10, 0.5));
    }
}
