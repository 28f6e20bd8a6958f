package io.studycollab.realtime.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.InboundValidator;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceTrackerTest {

    private long t = 1_000;

    private EventRecord in(String name, String json) throws Exception {
        JsonNode p = ProtocolCodec.parse(json);
        t += 100;
        return EventRecord.of(Direction.IN, name, p, json.length(), InboundValidator.problem(name, p), t, t, null);
    }

    private static String user(String id, String name, boolean active) {
        return "{\"userId\":\"" + id + "\",\"displayName\":\"" + name + "\",\"avatarUrl\":null,\"groupId\":\"g1\","
                + "\"cursor\":null,\"isActive\":" + active
                + ",\"currentTool\":null,\"lastSeen\":\"2026-01-01T00:00:00Z\"}";
    }

    private List<EventRecord> script() throws Exception {
        List<EventRecord> s = new ArrayList<>();
        s.add(
                in(
                        "connection:established",
                        "{\"socketId\":\"s\",\"userId\":\"me\",\"displayName\":\"Me\",\"serverTime\":\"x\",\"heartbeatIntervalMs\":5000}"));
        s.add(in(
                "group:joined",
                "{\"groupId\":\"g1\",\"members\":[" + user("me", "Me", true) + "," + user("bob", "Bob", true) + "]}"));
        s.add(in("user:joined", "{\"groupId\":\"g1\",\"user\":" + user("ada", "Ada", true) + "}"));
        s.add(in(
                "user:cursor:updated",
                "{\"groupId\":\"g1\",\"userId\":\"ada\",\"cursor\":{\"x\":10,\"y\":20},\"ts\":1}"));
        s.add(in("user:tool:changed", "{\"groupId\":\"g1\",\"userId\":\"ada\",\"tool\":\"pen\"}"));
        s.add(in(
                "user:cursor:updated",
                "{\"groupId\":\"g9\",\"userId\":\"ada\",\"cursor\":{\"x\":99,\"y\":99},\"ts\":1}"));
        s.add(in("user:presence:updated", "{\"groupId\":\"g1\",\"user\":" + user("bob", "Bob", false) + "}"));
        s.add(in(
                "user:cursor:updated",
                "{\"groupId\":\"g1\",\"userId\":\"ada\",\"cursor\":{\"x\":\"bad\",\"y\":20},\"ts\":1}"));
        s.add(in("user:left", "{\"groupId\":\"g1\",\"userId\":\"bob\",\"reason\":\"disconnect\"}"));
        return s;
    }

    @Test
    void foldsMembersCursorsToolsAndLeaves() throws Exception {
        PresenceTracker tracker = new PresenceTracker();
        List<EventRecord> s = script();
        tracker.onEvents(s.subList(0, 7));
        PresenceSnapshot mid = tracker.snapshot();
        assertEquals("g1", mid.groupId());
        assertEquals("me", mid.selfUserId());
        assertEquals(
                List.of("Ada", "Bob", "Me"),
                mid.members().stream().map(Member::displayName).toList());
        Member ada = mid.member("ada");
        assertEquals(10, ada.cursor().x());
        assertEquals("pen", ada.currentTool());
        assertFalse(mid.member("bob").active());

        tracker.onEvents(s.subList(7, s.size()));
        PresenceSnapshot end = tracker.snapshot();
        assertNull(end.member("bob"), "left");
        assertEquals(10, end.member("ada").cursor().x(), "a malformed cursor changes nothing");
        assertTrue(s.get(7).malformed());
    }

    @Test
    void theSamePrefixAlwaysGivesTheSameState() throws Exception {
        List<EventRecord> s = script();
        for (int cut = 0; cut <= s.size(); cut++) {
            PresenceTracker oneByOne = new PresenceTracker();
            s.subList(0, cut).forEach(oneByOne::apply);
            PresenceTracker batched = new PresenceTracker();
            batched.onEvents(s.subList(0, cut));
            assertEquals(oneByOne.snapshot(), batched.snapshot(), "prefix " + cut);
        }
    }

    @Test
    void aDropClearsMembersUntilTheRejoinAnswers() throws Exception {
        PresenceTracker tracker = new PresenceTracker();
        tracker.onEvents(script().subList(0, 3));
        tracker.apply(EventRecord.of(
                Direction.LOCAL,
                "connection:lost",
                ProtocolCodec.object().put("reason", "transport close"),
                10,
                null,
                t,
                t,
                null));
        assertTrue(tracker.snapshot().members().isEmpty());
        assertFalse(tracker.snapshot().connected());
    }

    @Test
    void staleAndInactiveDetection() throws Exception {
        PresenceTracker tracker = new PresenceTracker();
        List<EventRecord> s = script();
        tracker.onEvents(s.subList(0, 7));
        PresenceSnapshot snap = tracker.snapshot();
        long last = snap.member("ada").lastEventMillis();
        List<Member> inactiveSoon = PresenceTracker.inactive(snap, last + 1_000);
        assertEquals(List.of("bob"), inactiveSoon.stream().map(Member::userId).toList());
        List<Member> inactiveLater = PresenceTracker.inactive(snap, last + 60_000 + 1_000);
        assertEquals(3, inactiveLater.size());
        assertEquals("AL", new Member("x", "Ada Lovelace", null, null, true, null, null, 0, -1).initials());
    }

    private static Member named(String name) {
        return new Member(name, name, null, null, true, null, null, 0, -1);
    }

    @Test
    void numberedUsersGetDistinctInitials() {
        assertEquals("V1", named("Virtual 1").initials());
        assertEquals("V10", named("Virtual 10").initials());
        assertEquals("B12", named("bot-12").initials());
        assertEquals("AL", named("Ada Lovelace").initials());
        assertEquals("A", named("ada").initials());
        assertEquals("7", named("7").initials(), "a name that is only a number keeps it");
    }

    @Test
    void membersSortInNaturalOrder() {
        List<String> names = new ArrayList<>(List.of("Virtual 10", "virtual 2", "Virtual 1", "Ada", "bot-3"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("Ada", "bot-3", "Virtual 1", "virtual 2", "Virtual 10"), names);
        assertEquals(0, NaturalOrder.INSTANCE.compare("a01", "a01"));
        assertTrue(NaturalOrder.INSTANCE.compare("a01", "a1") != 0, "total: different strings never compare equal");
        assertTrue(NaturalOrder.INSTANCE.compare("u99999999999999999999", "u100000000000000000000") < 0);
    }
}
