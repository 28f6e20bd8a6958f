package io.studycollab.realtime.server.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.time.ManualClock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GroupRegistryTest {

    private static final long SECOND = 1_000_000_000L;

    private final ManualClock clock = new ManualClock();
    private final GroupRegistry registry = new GroupRegistry();

    private GroupRegistry.Joined join(String group, UUID socket, String user) {
        return registry.join(group, socket, user, user.toUpperCase(), null, clock.wallMillis(), clock.monoNanos());
    }

    @Test
    void aUserIsListedOnceHoweverManySocketsAndLeavesWithTheLast() {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        assertTrue(join("g", one, "ada").newMember());
        GroupRegistry.Joined again = join("g", two, "ada");
        assertFalse(again.newMember(), "a second socket is not a new member");
        assertEquals(1, again.members().size());
        GroupRegistry.Left first = registry.leave("g", one, "ada");
        assertFalse(first.lastSocket());
        assertEquals(1, registry.members("g").size(), "still there with the other socket");
        GroupRegistry.Left last = registry.leave("g", two, "ada");
        assertTrue(last.lastSocket());
        assertTrue(last.groupEmpty());
        assertEquals(0, registry.groupCount());
    }

    @Test
    void membersAreListedInJoinOrderAsUserPresence() {
        join("g", UUID.randomUUID(), "ada");
        join("g", UUID.randomUUID(), "bob");
        join("h", UUID.randomUUID(), "cy");
        JsonNode members = registry.members("g");
        assertEquals(
                List.of("ada", "bob"),
                List.of(
                        members.get(0).path("userId").asText(),
                        members.get(1).path("userId").asText()));
        JsonNode ada = members.get(0);
        assertEquals("ADA", ada.path("displayName").asText());
        assertEquals("g", ada.path("groupId").asText());
        assertTrue(ada.path("cursor").isNull());
        assertTrue(ada.path("isActive").asBoolean());
        assertEquals("2026-01-01T00:00:00Z", ada.path("lastSeen").asText());
        assertEquals(2, registry.groupCount());
        assertEquals(
                "[{\"groupId\":\"g\",\"members\":2},{\"groupId\":\"h\",\"members\":1}]",
                registry.summary().toString());
        assertEquals(0, registry.members("nobody").size());
    }

    @Test
    void leavingAGroupOneIsNotInChangesNothing() {
        join("g", UUID.randomUUID(), "ada");
        GroupRegistry.Left left = registry.leave("g", UUID.randomUUID(), "bob");
        assertFalse(left.lastSocket());
        assertFalse(left.groupEmpty());
        assertEquals(1, registry.members("g").size());
    }

    @Test
    void partialPresenceUpdatesLeaveOtherFieldsAlone() {
        join("g", UUID.randomUUID(), "ada");
        registry.updatePresence("g", "ada", null, "pen", false, new Payloads.Cursor(1, 2), false, 0, 0);
        GroupRegistry.Changed c = registry.updatePresence("g", "ada", false, null, false, null, false, 0, 0);
        assertEquals("pen", c.user().path("currentTool").asText());
        assertEquals(1.0, c.user().path("cursor").path("x").asDouble());
        assertFalse(c.user().path("isActive").asBoolean());
        GroupRegistry.Changed cleared = registry.updatePresence("g", "ada", null, null, true, null, true, 0, 0);
        assertTrue(cleared.user().path("currentTool").isNull());
        assertTrue(cleared.user().path("cursor").isNull());
        assertNull(registry.updatePresence("g", "bob", true, null, false, null, false, 0, 0), "not a member");
    }

    @Test
    void theSweepMarksSilentMembersInactiveOnceAndActivityBringsThemBack() {
        join("g", UUID.randomUUID(), "ada");
        clock.advanceMillis(30_000);
        join("g", UUID.randomUUID(), "bob");
        clock.advanceMillis(30_000);
        List<GroupRegistry.Changed> swept = registry.sweep(clock.monoNanos(), 60 * SECOND);
        assertEquals(
                List.of("ada"),
                swept.stream().map(GroupRegistry.Changed::userId).toList());
        assertFalse(swept.get(0).user().path("isActive").asBoolean());
        assertEquals(List.of(), registry.sweep(clock.monoNanos(), 60 * SECOND), "announced once");
        assertNull(
                registry.activity("g", "bob", null, "pen", clock.wallMillis(), clock.monoNanos()),
                "an active member's activity changes no presence");
        GroupRegistry.Changed back =
                registry.activity("g", "ada", new Payloads.Cursor(3, 4), null, clock.wallMillis(), clock.monoNanos());
        assertTrue(back.user().path("isActive").asBoolean());
        assertEquals(3.0, back.user().path("cursor").path("x").asDouble());
        assertEquals("2026-01-01T00:01:00Z", back.user().path("lastSeen").asText());
    }
}
