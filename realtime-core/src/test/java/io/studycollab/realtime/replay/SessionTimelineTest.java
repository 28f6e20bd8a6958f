package io.studycollab.realtime.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.protocol.InboundValidator;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionCodec;
import io.studycollab.realtime.session.SessionExport;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.testing.TestPayloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionTimelineTest {

    private static EventRecord in(long t, String name, ObjectNode p) {
        return EventRecord.of(Direction.IN, name, p, 10, InboundValidator.problem(name, p), t, t, null);
    }

    private static ObjectNode user(String id) {
        return TestPayloads.user(id, id, "g");
    }

    /** A long session: users come and go, move and switch tools, one drop, one malformed event. */
    static List<EventRecord> session() {
        Random rnd = new Random(3);
        List<EventRecord> rs = new ArrayList<>();
        long t = 1_000;
        ObjectNode joined = ProtocolCodec.object().put("groupId", "g");
        joined.putArray("members").add(user("me"));
        rs.add(in(t, "group:joined", joined));
        List<String> present = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            t += 20;
            int roll = rnd.nextInt(100);
            if (roll < 3 || present.isEmpty()) {
                String id = "u" + rnd.nextInt(20);
                if (!present.contains(id)) {
                    present.add(id);
                    ObjectNode p = ProtocolCodec.object().put("groupId", "g");
                    p.set("user", user(id));
                    rs.add(in(t, "user:joined", p));
                }
            } else if (roll < 5) {
                String id = present.remove(rnd.nextInt(present.size()));
                rs.add(in(
                        t,
                        "user:left",
                        ProtocolCodec.object()
                                .put("groupId", "g")
                                .put("userId", id)
                                .put("reason", "left")));
            } else if (roll < 10) {
                rs.add(in(
                        t,
                        "user:tool:changed",
                        ProtocolCodec.object()
                                .put("groupId", "g")
                                .put("userId", present.get(rnd.nextInt(present.size())))
                                .put("tool", "pen" + rnd.nextInt(3))));
            } else {
                ObjectNode c = ProtocolCodec.object()
                        .put("groupId", "g")
                        .put("userId", present.get(rnd.nextInt(present.size())))
                        .put("ts", t);
                c.putObject("cursor").put("x", rnd.nextInt(1000)).put("y", rnd.nextInt(600));
                rs.add(in(t, "user:cursor:updated", c));
            }
            if (i == 2_500) {
                rs.add(in(t, "user:cursor:updated", ProtocolCodec.object().put("groupId", "g")));
            }
        }
        return rs;
    }

    @Test
    void seekingAnywhereGivesWhatPlayingToThereGives() {
        List<EventRecord> rs = session();
        SessionTimeline timeline = new SessionTimeline(rs);
        PresenceTracker playing = new PresenceTracker();
        int[] probes = {0, 1, 2, 999, 1000, 1001, 2500, 2999, 3000, 4321, rs.size()};
        int next = 0;
        for (int count = 0; count <= rs.size(); count++) {
            if (next < probes.length && probes[next] == count) {
                assertEquals(playing.snapshot(), timeline.presenceAfter(count), "after " + count);
                next++;
            }
            if (count < rs.size()) {
                playing.apply(rs.get(count));
            }
        }
        // and backwards, after having been at the end
        assertEquals(timeline.presenceAfter(1500), new SessionTimeline(rs).presenceAfter(1500));
    }

    @Test
    void aFileIsIndexedNotLoadedAndSeeksToTheSameStates(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<EventRecord> rs = new ArrayList<>();
        List<EventRecord> source = session();
        for (int i = 0; i < source.size(); i++) {
            rs.add(source.get(i).withSeq(i + 1));
        }
        Path file = dir.resolve("big.jsonl");
        SessionExport.session(file, SessionHeader.of("t", "u", null, "g", "now"), rs, new Redactor());
        // a corrupt line in the middle is skipped and reported
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(1200, "{ this is not json");
        Files.write(file, lines);
        SessionTimeline memory = new SessionTimeline(rs);
        try (SessionTimeline indexed = SessionTimeline.open(file)) {
            assertEquals(rs.size(), indexed.size());
            assertEquals(1, indexed.problems().size());
            assertEquals(1201, indexed.problems().get(0).line());
            for (int count : new int[] {0, 1, 999, 1000, 1198, 1199, 1200, 2501, rs.size()}) {
                assertEquals(memory.presenceAfter(count), indexed.presenceAfter(count), "after " + count);
            }
            Redactor none = new Redactor();
            // Compared as written: JSON numbers read back may be of a narrower node type.
            assertEquals(
                    rs.subList(1190, 1210).stream()
                            .map(r -> SessionCodec.toLine(r, none))
                            .toList(),
                    indexed.records(1190, 1210).stream()
                            .map(r -> SessionCodec.toLine(r, none))
                            .toList(),
                    "reads across the corrupt line");
            assertEquals(memory.markers(), indexed.markers());
            assertEquals(
                    memory.countAt(rs.get(3000).wallMillis()),
                    indexed.countAt(rs.get(3000).wallMillis()));
        }
    }

    @Test
    void marksJoinsLeavesAndMalformedAndFindsPositionsByTime() {
        List<EventRecord> rs = session();
        SessionTimeline timeline = new SessionTimeline(rs);
        assertTrue(timeline.markers().stream().anyMatch(m -> m.kind() == SessionTimeline.MarkerKind.MALFORMED));
        assertTrue(timeline.markers().stream().anyMatch(m -> m.kind() == SessionTimeline.MarkerKind.JOIN));
        assertTrue(timeline.markers().stream().anyMatch(m -> m.kind() == SessionTimeline.MarkerKind.LEAVE));
        assertEquals(0, timeline.countAt(timeline.startMillis() - 1));
        assertEquals(rs.size(), timeline.countAt(timeline.endMillis()));
        assertEquals(1, timeline.countAt(timeline.startMillis()));
    }
}
