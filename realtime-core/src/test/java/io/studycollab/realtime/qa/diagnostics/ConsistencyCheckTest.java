package io.studycollab.realtime.qa.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.admin.crosscheck.CrossCheck;
import io.studycollab.realtime.admin.crosscheck.CrossCheckRecords;
import io.studycollab.realtime.admin.crosscheck.Divergence;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.InboundValidator;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyCheckTest {

    private static EventRecord in(long t, String name, ObjectNode p) {
        return EventRecord.of(Direction.IN, name, p, 10, InboundValidator.problem(name, p), t, t, null);
    }

    private static ObjectNode user(String id, String lastSeen, boolean active) {
        return ProtocolCodec.object()
                .put("userId", id)
                .put("displayName", id)
                .putNull("avatarUrl")
                .put("groupId", "g")
                .putNull("cursor")
                .put("isActive", active)
                .putNull("currentTool")
                .put("lastSeen", lastSeen);
    }

    private static EventRecord joined(long t, ObjectNode... members) {
        ObjectNode p = ProtocolCodec.object().put("groupId", "g");
        for (ObjectNode m : members) {
            p.withArray("members").add(m);
        }
        return in(t, "group:joined", p);
    }

    private static EventRecord cursor(long t, String user) {
        return cursor(t, t, user);
    }

    /** A cursor update the server relayed at {@code ts} that reached us at {@code arrived}. */
    private static EventRecord cursor(long arrived, long ts, String user) {
        ObjectNode c =
                ProtocolCodec.object().put("groupId", "g").put("userId", user).put("ts", ts);
        c.putObject("cursor").put("x", 1).put("y", 1);
        return in(arrived, "user:cursor:updated", c);
    }

    @Test
    void aCleanRecordingHasNoFindings() {
        List<EventRecord> rs = new ArrayList<>();
        rs.add(joined(0, user("ada", "2026-01-01T00:00:00Z", true)));
        for (int i = 1; i <= 100; i++) {
            rs.add(cursor(i * 50L, "ada")); // exactly 20/s
        }
        assertEquals(List.of(), ConsistencyCheck.run(rs, 5_000));
    }

    @Test
    void aSenderKeepingTheThrottleIsNotFlaggedWhenArrivalsBunch() {
        List<EventRecord> rs = new ArrayList<>();
        rs.add(joined(0, user("bot", "2026-01-01T00:00:00Z", true)));
        long sent = 0;
        for (int i = 0; i < 400; i++) {
            sent += 50 + (i % 7 == 0 ? 3 : 0); // the throttle never sends closer than 50 ms
            long jitter = (i * 37L) % 90; // delivery delay varies between 0 and 89 ms
            rs.add(cursor(sent + jitter, "bot"));
        }
        rs.sort(Comparator.comparingLong(EventRecord::wallMillis));
        assertEquals(List.of(), ConsistencyCheck.run(rs, sent + 100));
    }

    @Test
    void aThrottledSenderWhoseUpdatesWereHeldUpAndFlushedIsNotFlagged() {
        // Exactly 20/s for 30 s, and every 3 s the sender's event loop stalls for a second: what it
        // sent meanwhile reaches the server at once (40 "in one second" where the stall ends).
        List<EventRecord> rs = new ArrayList<>();
        rs.add(joined(0, user("swarm-1", "2026-01-01T00:00:00Z", true)));
        for (long sent = 0; sent < 30_000; sent += 50) {
            long phase = sent % 3_000;
            long atServer = phase < 1_000 ? sent - phase + 1_000 : sent;
            rs.add(cursor(atServer, "swarm-1"));
        }
        assertEquals(List.of(), ConsistencyCheck.run(rs, 30_000));
    }

    @Test
    void theServersRelayTimeCountsNotWhenTheUpdatesReachedUs() {
        // Our own event thread stalled for 10 s: 200 updates relayed 50 ms apart reach us together.
        List<EventRecord> rs = new ArrayList<>();
        rs.add(joined(0, user("bot", "2026-01-01T00:00:00Z", true)));
        for (int i = 1; i <= 200; i++) {
            rs.add(cursor(10_000, i * 50L, "bot"));
        }
        assertEquals(List.of(), ConsistencyCheck.run(rs, 10_000));
        // Relayed all at once (the server took 200 in at one moment), however they reached us: flagged.
        List<EventRecord> atOnce = new ArrayList<>();
        atOnce.add(joined(0, user("bot", "2026-01-01T00:00:00Z", true)));
        for (int i = 1; i <= 200; i++) {
            atOnce.add(cursor(i * 50L, 10_000, "bot"));
        }
        List<ConsistencyCheck.Finding> found = ConsistencyCheck.run(atOnce, 10_000);
        assertEquals(1, found.size(), found.toString());
        assertEquals(ConsistencyCheck.Kind.CURSOR_RATE, found.get(0).kind());
    }

    @Test
    void aSenderAboveTheBudgetIsFlaggedEvenWithJitterAllowed() {
        List<EventRecord> rs = new ArrayList<>();
        rs.add(joined(0, user("fast", "2026-01-01T00:00:00Z", true)));
        for (int i = 1; i <= 200; i++) {
            rs.add(cursor(i * 40L, "fast")); // 25/s, steady for 8 s
        }
        List<ConsistencyCheck.Finding> found = ConsistencyCheck.run(rs, 8_000);
        assertEquals(1, found.size(), found.toString());
        assertEquals(ConsistencyCheck.Kind.CURSOR_RATE, found.get(0).kind());
    }

    @Test
    void findsGhostsFastCursorsAndLastSeenGoingBack() {
        List<EventRecord> rs = new ArrayList<>();
        rs.add(joined(0, user("ada", "2026-01-01T00:00:10Z", true), user("ghost", "2026-01-01T00:00:00Z", true)));
        for (int i = 1; i <= 150; i++) {
            rs.add(cursor(i * 20L, "ada")); // 50/s for 3 s
        }
        ObjectNode update = ProtocolCodec.object().put("groupId", "g");
        update.set("user", user("ada", "2026-01-01T00:00:05Z", true));
        rs.add(in(1_000, "user:presence:updated", update));
        rs.add(cursor(90_000, "ada"));
        List<ConsistencyCheck.Finding> found = ConsistencyCheck.run(rs, 90_000);
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.stream()
                .anyMatch(f -> f.kind() == ConsistencyCheck.Kind.CURSOR_RATE
                        && f.userId().equals("ada")));
        assertTrue(found.stream()
                .anyMatch(f -> f.kind() == ConsistencyCheck.Kind.LAST_SEEN_BACKWARDS
                        && f.userId().equals("ada")));
        assertTrue(
                found.stream()
                        .anyMatch(f -> f.kind() == ConsistencyCheck.Kind.GHOST
                                && f.userId().equals("ghost")),
                "ada spoke at 90 s; ghost never did after joining");
    }

    @Test
    void openServerDivergencesAreFindingsWithTheirStartUntilResolved() {
        Divergence ghost = new Divergence(Divergence.Kind.GHOST, "g1", "bob", List.of(), 1_000, "bob is shown");
        Divergence twice = new Divergence(
                Divergence.Kind.MULTIPLE_SOCKETS, "g1", "dave", List.of("a", "b"), 2_000, "dave has 2 sockets");
        List<EventRecord> records = new ArrayList<>(CrossCheckRecords.of(
                new CrossCheck.Result(List.of(ghost, twice), List.of(ghost, twice), List.of()), 2_000, 0));
        List<ConsistencyCheck.Finding> open = ConsistencyCheck.run(records, 3_000);
        assertEquals(2, open.size(), open.toString());
        assertEquals(ConsistencyCheck.Kind.SERVER_DIVERGENCE, open.get(0).kind());
        assertEquals(1_000, open.get(0).atMillis());
        assertTrue(open.get(0).detail().startsWith("GHOST"), open.get(0).detail());

        records.addAll(
                CrossCheckRecords.of(new CrossCheck.Result(List.of(twice), List.of(), List.of(ghost)), 4_000, 0));
        List<ConsistencyCheck.Finding> after = ConsistencyCheck.run(records, 5_000);
        assertEquals(1, after.size(), after.toString());
        assertEquals("dave", after.get(0).userId());
    }
}
