package io.studycollab.realtime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventHubTest {

    @Test
    void numbersInPublishOrderDeliversBatchesAndSurvivesAThrowingListener() throws Exception {
        List<Long> seqs = new ArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        try (EventHub hub = new EventHub("test-hub")) {
            hub.subscribe(batch -> {
                throw new IllegalStateException("a broken listener");
            });
            hub.subscribe(batch -> {
                batches.incrementAndGet();
                batch.forEach(r -> seqs.add(r.seq()));
            });
            for (int i = 0; i < 10_000; i++) {
                hub.publish(
                        EventRecord.of(Direction.IN, "e", ProtocolCodec.object().put("i", i), 7, null, i, i, null));
            }
            assertTrue(hub.awaitDispatched(Duration.ofSeconds(10)));
        }
        assertEquals(10_000, seqs.size());
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(i + 1, seqs.get(i));
        }
        assertTrue(batches.get() < 10_000, "delivered in batches, not one by one: " + batches.get());
    }
}
