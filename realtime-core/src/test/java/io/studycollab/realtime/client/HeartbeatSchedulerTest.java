package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatSchedulerTest {

    private final ClientPartsFixture f = new ClientPartsFixture();
    private final List<Long> beats = new ArrayList<>();
    private final HeartbeatScheduler scheduler =
            new HeartbeatScheduler(f.clock, Duration.ofSeconds(5), f.loop, beats::add);

    @Test
    void beatsEveryIntervalWhileCurrentWithRisingTimestamps() {
        boolean[] current = {true};
        scheduler.start(() -> current[0]);
        assertEquals(1, beats.size(), "one at once");
        f.clock.advance(Duration.ofSeconds(5));
        f.clock.advance(Duration.ofSeconds(5));
        assertEquals(3, beats.size());
        assertTrue(beats.get(1) > beats.get(0) && beats.get(2) > beats.get(1));
        long marker = scheduler.nextTs();
        assertTrue(marker > beats.get(2), "a drain marker is never a beat's timestamp");
        current[0] = false;
        f.clock.advance(Duration.ofSeconds(20));
        assertEquals(3, beats.size(), "not current: no more beats");
    }

    @Test
    void acksGiveTheRoundTripAndUnansweredBeatsAreMissed() {
        scheduler.start(() -> true);
        f.clock.advance(Duration.ofMillis(40));
        scheduler.acked(beats.get(0));
        assertEquals(40.0, scheduler.monitor().averageRttMillis(), 0.001);
        f.clock.advance(Duration.ofSeconds(30)); // six beats, none answered past three intervals
        assertTrue(
                scheduler.monitor().missedTotal() > 0,
                "missed: " + scheduler.monitor().missedTotal());
        scheduler.reset();
        int before = beats.size();
        f.clock.advance(Duration.ofSeconds(20));
        assertEquals(before, beats.size(), "reset stops the beats");
        assertEquals(0, scheduler.monitor().recentMisses(), "and forgets the beats it waited for");
    }
}
