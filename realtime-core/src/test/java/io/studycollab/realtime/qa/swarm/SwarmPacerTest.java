package io.studycollab.realtime.qa.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.studycollab.realtime.time.Clock;
import io.studycollab.realtime.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwarmPacerTest {

    @Test
    void ticksAtAFixedRateWithTheTimeSinceTheStart() {
        ManualClock clock = new ManualClock();
        List<Long> ticks = new ArrayList<>();
        try (SwarmPacer pacer = new SwarmPacer(clock, Duration.ofMillis(10), ticks::add)) {
            pacer.start();
            clock.advanceMillis(50);
            assertEquals(List.of(10L, 20L, 30L, 40L, 50L), ticks);
            assertEquals(0, pacer.lateTicks());
        }
        clock.advanceMillis(50);
        assertEquals(5, ticks.size(), "closed: no more ticks");
    }

    /** A clock whose one pending task runs when the test says, however late. */
    private static final class StallingClock implements Clock {
        long nanos;
        Runnable pending;

        @Override
        public long wallMillis() {
            return nanos / 1_000_000;
        }

        @Override
        public long monoNanos() {
            return nanos;
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            pending = task;
            return () -> pending = null;
        }

        void runAt(long millis) {
            nanos = millis * 1_000_000;
            Runnable t = pending;
            pending = null;
            t.run();
        }
    }

    @Test
    void aStalledTickIsCountedAndTheMissedOnesAreSkippedNotReplayed() {
        StallingClock clock = new StallingClock();
        List<Long> ticks = new ArrayList<>();
        try (SwarmPacer pacer = new SwarmPacer(clock, Duration.ofMillis(10), ticks::add)) {
            pacer.start();
            clock.runAt(10);
            clock.runAt(45); // due at 20: the pacer's thread was held 25 ms
            clock.runAt(50); // the ticks due at 30 and 40 are not replayed
            clock.runAt(60);
            assertEquals(List.of(10L, 45L, 50L, 60L), ticks);
            assertEquals(1, pacer.lateTicks());
            assertEquals(25.0, pacer.maxLateMs(), 0.001);
        }
    }
}
