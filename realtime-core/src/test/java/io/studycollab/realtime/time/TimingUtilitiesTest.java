package io.studycollab.realtime.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingUtilitiesTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void throttleSendsFirstAtOnceThenOnlyTheLatestPerInterval() {
        List<Integer> out = new ArrayList<>();
        Throttler<Integer> t = new Throttler<>(clock, Duration.ofMillis(50), out::add);
        t.submit(1);
        assertEquals(List.of(1), out);
        clock.advanceMillis(10);
        t.submit(2);
        t.submit(3);
        clock.advanceMillis(39);
        assertEquals(List.of(1), out, "nothing before the interval ends");
        clock.advanceMillis(1);
        assertEquals(List.of(1, 3), out, "the latest value, not the stale one");
        clock.advanceMillis(500);
        assertEquals(List.of(1, 3), out, "nothing more to send");
        t.submit(4);
        assertEquals(List.of(1, 3, 4), out, "idle long enough: immediate again");
    }

    @Test
    void throttleAtTwentyPerSecondSendsAtMostTwentyPerSecond() {
        List<Integer> out = new ArrayList<>();
        Throttler<Integer> t = new Throttler<>(clock, Duration.ofMillis(50), out::add);
        for (int i = 0; i < 1000; i++) {
            t.submit(i);
            clock.advanceMillis(1);
        }
        clock.advanceMillis(100);
        assertEquals(21, out.size(), out.toString());
        assertEquals(999, out.get(out.size() - 1), "the final position always arrives");
    }

    @Test
    void debounceWaitsForQuiet() {
        List<String> out = new ArrayList<>();
        Debouncer<String> d = new Debouncer<>(clock, Duration.ofMillis(300), out::add);
        d.submit("a");
        clock.advanceMillis(200);
        d.submit("b");
        clock.advanceMillis(299);
        assertEquals(List.of(), out);
        clock.advanceMillis(1);
        assertEquals(List.of("b"), out);
        d.submit("c");
        d.close();
        clock.advanceMillis(1000);
        assertEquals(List.of("b"), out, "closed: nothing more");
    }
}
