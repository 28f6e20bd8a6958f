package io.studycollab.debugger.fx;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The frame loop's contract: one merged batch per pulse, then models, then views, and tickers. */
class FxEventPumpTest {

    private static final long FRAME = 16_666_667L;

    private final EventHub hub = new EventHub("pump-test-hub");
    private final FxEventPump pump = new FxEventPump(hub);

    @AfterEach
    void close() {
        pump.close();
        hub.close();
    }

    private static EventRecord record(String name) {
        return EventRecord.of(Direction.IN, name, ProtocolCodec.object(), 2, null, 0, 0, null);
    }

    @Test
    void batchesThenModelsThenViewsWhateverTheRegistrationOrder() {
        List<String> order = new ArrayList<>();
        pump.onPulse(FxEventPump.Phase.VIEWS, now -> order.add("view 1"));
        pump.onPulse(FxEventPump.Phase.MODELS, now -> order.add("model 1"));
        pump.onBatch(b -> order.add("batch " + b.size()));
        pump.onPulse(FxEventPump.Phase.VIEWS, now -> order.add("view 2"));
        pump.onPulse(FxEventPump.Phase.MODELS, now -> order.add("model 2"));
        pump.offer(List.of(record("a")));

        pump.pulse(FRAME);

        assertEquals(List.of("batch 1", "model 1", "model 2", "view 1", "view 2"), order);
    }

    @Test
    void everythingThatArrivedBetweenPulsesComesAsOneBatchAndAnEmptyPulseCallsNoSink() {
        List<List<String>> batches = new ArrayList<>();
        pump.onBatch(b -> batches.add(b.stream().map(EventRecord::name).toList()));
        pump.offer(List.of(record("a"), record("b")));
        pump.offer(List.of(record("c")));

        pump.pulse(FRAME);
        pump.pulse(2 * FRAME);

        assertEquals(List.of(List.of("a", "b", "c")), batches);
    }

    @Test
    void aSlowSinkGetsWhatArrivedInItsIntervalTogether() {
        List<Integer> sizes = new ArrayList<>();
        pump.onBatch(b -> sizes.add(b.size()), Duration.ofMillis(100));
        long now = 1_000_000_000L;
        for (int frame = 0; frame < 12; frame++) {
            pump.offer(List.of(record("e" + frame)));
            pump.pulse(now + frame * FRAME);
        }

        // The first batch at once; the six frames of the next 100 ms together; the last five wait.
        assertEquals(List.of(1, 6), sizes);
        pump.pulse(now + 12 * FRAME);
        assertEquals(List.of(1, 6, 5), sizes);
    }

    @Test
    void aTickerRunsAtMostOncePerIntervalAndStopsWhenCancelled() {
        List<Long> ticks = new ArrayList<>();
        FxEventPump.Registration r = pump.every(FxEventPump.Phase.VIEWS, Duration.ofMillis(250), ticks::add);
        for (int frame = 0; frame < 60; frame++) {
            pump.pulse(frame * FRAME);
        }
        assertEquals(4, ticks.size(), "a second of frames, a tick every 250 ms: " + ticks);
        r.cancel();
        for (int frame = 60; frame < 120; frame++) {
            pump.pulse(frame * FRAME);
        }
        assertEquals(4, ticks.size());
    }

    @Test
    void whatTheHubDeliversReachesTheNextPulse() {
        List<String> seen = new ArrayList<>();
        pump.onBatch(b -> b.forEach(r -> seen.add(r.name())));
        hub.publish(record("one"));
        hub.publish(record("two"));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            pump.pulse(System.nanoTime());
            return seen.size() == 2;
        });
        assertEquals(List.of("one", "two"), seen);
        assertTrue(pump.maxPulseNanos() >= pump.lastPulseNanos());
    }
}
