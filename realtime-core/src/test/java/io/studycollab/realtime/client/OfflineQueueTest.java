package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OfflineQueueTest {

    private static OfflineQueue.Pending custom(int i) {
        return new OfflineQueue.Pending("event:emit", ProtocolCodec.object().put("n", i), null);
    }

    @Test
    void keepsOrderAndDropsTheOldestWhenFull() {
        OfflineQueue q = new OfflineQueue(3);
        assertNull(q.add(custom(1)));
        assertNull(q.add(custom(2)));
        assertNull(q.add(custom(3)));
        OfflineQueue.Pending dropped = q.add(custom(4));
        assertEquals(1, dropped.payload().get("n").asInt());
        assertEquals(1, q.dropped());
        List<OfflineQueue.Pending> drained = q.drain();
        assertEquals(
                List.of(2, 3, 4),
                drained.stream().map(p -> p.payload().get("n").asInt()).toList());
        assertEquals(0, q.size());
    }

    @Test
    void cursorUpdatesCoalesceToTheLatestAtTheLatestPosition() {
        OfflineQueue q = new OfflineQueue(100);
        q.add(new OfflineQueue.Pending(
                "cursor:update", ProtocolCodec.object().put("x", 1).put("y", 1), null));
        q.add(custom(1));
        q.add(new OfflineQueue.Pending(
                "cursor:update", ProtocolCodec.object().put("x", 2).put("y", 2), null));
        q.add(new OfflineQueue.Pending(
                "cursor:update", ProtocolCodec.object().put("x", 3).put("y", 3), null));
        List<OfflineQueue.Pending> drained = q.drain();
        assertEquals(2, drained.size());
        assertEquals("event:emit", drained.get(0).event());
        assertEquals(3, drained.get(1).payload().get("x").asInt());
        assertEquals(2, q.coalesced());
    }

    @Test
    void presenceUpdatesMergeFieldsSoNoneIsLost() {
        OfflineQueue q = new OfflineQueue(100);
        CompletableFuture<AckReply> first = new CompletableFuture<>();
        CompletableFuture<AckReply> second = new CompletableFuture<>();
        q.add(new OfflineQueue.Pending(
                "presence:update", ProtocolCodec.object().put("isActive", false).put("currentTool", "pen"), first));
        q.add(new OfflineQueue.Pending("presence:update", ProtocolCodec.object().put("isActive", true), second));
        List<OfflineQueue.Pending> drained = q.drain();
        assertEquals(1, drained.size());
        ObjectNode merged = (ObjectNode) drained.get(0).payload();
        assertTrue(merged.get("isActive").asBoolean());
        assertEquals("pen", merged.get("currentTool").asText());
        assertSame(second, drained.get(0).ack());
        AckReply reply = new AckReply(true, null, null, ProtocolCodec.object().put("ok", true));
        second.complete(reply);
        assertSame(reply, first.join(), "the superseded update's caller hears the answer too");
        assertFalse(first.isCompletedExceptionally());
    }
}
