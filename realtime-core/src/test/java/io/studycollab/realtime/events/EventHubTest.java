package io.studycollab.realtime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Test
    void whenFullDropsOnlyInboundEventsAndSaysExactlyHowManyInTheStream() throws Exception {
        List<EventRecord> seen = new ArrayList<>();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (EventHub hub = new EventHub("bounded-hub", 100, 1_000_000)) {
            hub.subscribe(batch -> {
                entered.countDown();
                try {
                    release.await(); // a slow listener: the hub fills up behind it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.addAll(batch);
            });
            // The dispatcher is held inside the listener before the flood starts, so the queue's bound
            // alone decides what is kept: 100 queued, the other 900 inbound events dropped.
            hub.publish(EventRecord.of(Direction.LOCAL, "client:state", ProtocolCodec.object(), 2, null, 1, 1, null));
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the listener holds the dispatcher");
            for (int i = 0; i < 1_000; i++) {
                hub.publish(EventRecord.of(
                        Direction.IN, i % 2 == 0 ? "even" : "odd", ProtocolCodec.object(), 10, null, i, i, null));
            }
            hub.publish(EventRecord.of(Direction.OUT, "heartbeat", ProtocolCodec.object(), 2, null, 1, 1, null));
            long dropped = hub.droppedCount();
            assertEquals(900, dropped, "what did not fit the bound of 100 is dropped");
            release.countDown();
            assertTrue(hub.awaitDispatched(Duration.ofSeconds(10)));
        }
        long inbound = seen.stream().filter(r -> r.direction() == Direction.IN).count();
        List<EventRecord> marks =
                seen.stream().filter(r -> r.name().equals("client:dropped")).toList();
        long told = marks.stream()
                .mapToLong(r -> r.payload().get("events").asLong())
                .sum();
        assertEquals(1_000, inbound + told, "every inbound event either delivered or counted");
        assertEquals(1_000 - inbound, told);
        assertTrue(marks.stream()
                .allMatch(r -> r.payload().get("bytes").asLong()
                        == 10 * r.payload().get("events").asLong()));
        long byName = marks.stream()
                .mapToLong(r -> r.payload().get("byEvent").path("even").asLong()
                        + r.payload().get("byEvent").path("odd").asLong())
                .sum();
        assertEquals(told, byName, "counted per event name too");
        assertTrue(seen.stream().anyMatch(r -> r.name().equals("client:state")), "local records always pass");
        assertTrue(seen.stream().anyMatch(r -> r.name().equals("heartbeat")), "outbound records always pass");
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i).seq(), "the drop records are numbered in the stream");
        }
    }

    @Test
    void boundedInBytesTooButOneHugeEventPassesAlone() throws Exception {
        List<EventRecord> seen = new ArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (EventHub hub = new EventHub("byte-hub", 1_000, 1_000)) {
            hub.subscribe(batch -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.addAll(batch);
            });
            // The first may be taken by the dispatcher at once; then at most 1,000 bytes wait.
            for (int i = 0; i < 10; i++) {
                hub.publish(EventRecord.of(Direction.IN, "big", ProtocolCodec.object(), 5_000, null, i, i, null));
            }
            release.countDown();
            assertTrue(hub.awaitDispatched(Duration.ofSeconds(10)));
        }
        long delivered = seen.stream().filter(r -> r.name().equals("big")).count();
        long told = seen.stream()
                .filter(r -> r.name().equals("client:dropped"))
                .mapToLong(r -> r.payload().get("events").asLong())
                .sum();
        assertTrue(delivered >= 1 && delivered <= 2, "one waits at a time: " + delivered);
        assertEquals(10, delivered + told);
    }
}
