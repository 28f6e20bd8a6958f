package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    private final ClientPartsFixture f = new ClientPartsFixture();
    private final List<String> sent = new ArrayList<>();
    private boolean ready;
    private final OutboundQueue queue = new OutboundQueue(
            ClientOptions.defaults().withFlushPace(2, 10).withOfflineQueueCapacity(3),
            f.out,
            f.loop,
            new OutboundQueue.Link() {
                @Override
                public boolean ready() {
                    return ready;
                }

                @Override
                public void transmit(OfflineQueue.Pending pending) {
                    sent.add(pending.payload().path("n").asText());
                }

                @Override
                public void changed() {}
            });

    private static OfflineQueue.Pending event(int n) {
        return new OfflineQueue.Pending("test:n", ProtocolCodec.object().put("n", n), null);
    }

    @Test
    void whileNotReadySendsWaitThenGoInOrderABurstAndThenPacedOnTheClock() {
        for (int i = 0; i < 3; i++) {
            queue.send(event(i));
        }
        assertEquals(List.of(), sent);
        ready = true;
        queue.flush();
        assertEquals(List.of("0", "1"), sent, "the burst");
        queue.send(event(3));
        assertEquals(List.of("0", "1"), sent, "a new send queues behind the flush");
        f.clock.advance(Duration.ofMillis(99));
        assertEquals(2, sent.size(), "paced at 10/s");
        f.clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("0", "1", "2"), sent);
        f.clock.advance(Duration.ofMillis(100));
        assertEquals(List.of("0", "1", "2", "3"), sent);
        f.clock.advance(Duration.ofMillis(100));
        assertEquals(
                4,
                f.named(EventNames.CLIENT_QUEUE_FLUSHED)
                        .get(0)
                        .payload()
                        .path("count")
                        .asInt());
        queue.send(event(4));
        assertEquals("4", sent.get(4), "idle again: straight out");
    }

    @Test
    void aFullQueueDropsTheOldestFailsItsAckAndRecordsTheDrop() {
        CompletableFuture<AckReply> first = new CompletableFuture<>();
        queue.send(new OfflineQueue.Pending("test:n", ProtocolCodec.object().put("n", 0), first));
        for (int i = 1; i <= 3; i++) {
            queue.send(event(i));
        }
        assertEquals(3, queue.size());
        assertEquals(1, queue.dropped());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, first::get);
        assertEquals(RealtimeException.QUEUE_OVERFLOW, ((RealtimeException) e.getCause()).code());
        assertEquals(1, f.named(EventNames.CLIENT_QUEUE_DROPPED).size());
    }

    @Test
    void aResetStopsTheFlushUnderWay() {
        for (int i = 0; i < 3; i++) {
            queue.send(event(i));
        }
        ready = true;
        queue.flush();
        queue.reset();
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("0", "1"), sent, "the old connection's pacing timer sends nothing");
        queue.flush();
        assertEquals(List.of("0", "1", "2"), sent, "the next connection starts its own flush with a burst");
        assertTrue(queue.drain().isEmpty());
    }
}
