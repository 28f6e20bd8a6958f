package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupMembershipTest {

    private final ClientPartsFixture f = new ClientPartsFixture();
    private final GroupMembership group = new GroupMembership(f.out, f.loop);
    private final List<OfflineQueue.Pending> sent = new ArrayList<>();
    private final AtomicInteger flushed = new AtomicInteger();

    @Test
    void followsJoinedAndLeftForItsOwnGroupOnly() {
        assertTrue(group.react(EventNames.GROUP_JOINED, ProtocolCodec.object().put("groupId", "g1")));
        assertEquals("g1", group.groupId());
        group.react(EventNames.GROUP_LEFT, ProtocolCodec.object().put("groupId", "other"));
        assertEquals("g1", group.groupId());
        group.react(EventNames.GROUP_LEFT, ProtocolCodec.object().put("groupId", "g1"));
        assertNull(group.groupId());
        assertFalse(group.react(EventNames.CURSOR_UPDATE, ProtocolCodec.object()));
    }

    @Test
    void theRejoinHoldsQueuedSendsUntilAnsweredAndAForbiddenAnswerForgetsTheGroup() {
        group.react(EventNames.GROUP_JOINED, ProtocolCodec.object().put("groupId", "g1"));
        group.rejoin(sent::add, () -> true, flushed::incrementAndGet);
        assertTrue(group.rejoining());
        assertEquals(EventNames.GROUP_JOIN, sent.get(0).event());
        assertEquals("g1", sent.get(0).payload().path("groupId").asText());
        ObjectNode refusal = ProtocolCodec.object().put("ok", false);
        refusal.putObject("error").put("code", "FORBIDDEN");
        sent.get(0).ack().complete(AckReply.of(refusal));
        assertFalse(group.rejoining());
        assertEquals(1, flushed.get());
        assertNull(group.groupId());
        assertEquals(
                "FORBIDDEN",
                f.named(EventNames.CLIENT_REJOINED)
                        .get(0)
                        .payload()
                        .path("code")
                        .asText());
    }

    @Test
    void anAnswerForAConnectionNoLongerCurrentIsIgnored() {
        group.react(EventNames.GROUP_JOINED, ProtocolCodec.object().put("groupId", "g1"));
        group.rejoin(sent::add, () -> false, flushed::incrementAndGet);
        sent.get(0).ack().complete(AckReply.of(ProtocolCodec.object().put("ok", true)));
        assertEquals(0, flushed.get());
        assertEquals(0, f.named(EventNames.CLIENT_REJOINED).size());
        group.reset();
        assertFalse(group.rejoining());
    }
}
