package io.studycollab.realtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.InboundValidator;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.replay.SessionTimeline;
import io.studycollab.realtime.time.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshottingRecorderTest {

    private long seq;

    private EventRecord in(long t, String name, ObjectNode p) {
        return EventRecord.of(Direction.IN, name, p, 10, InboundValidator.problem(name, p), t, t, null)
                .withSeq(++seq);
    }

    private static ObjectNode user(String id, String tool) {
        ObjectNode u = ProtocolCodec.object()
                .put("userId", id)
                .put("displayName", id)
                .putNull("avatarUrl")
                .put("groupId", "demo")
                .putNull("cursor")
                .put("isActive", true)
                .put("currentTool", tool)
                .put("lastSeen", "2026-01-01T00:00:00Z");
        return u;
    }

    private EventRecord joined(long t, String group, ObjectNode... members) {
        ObjectNode p = ProtocolCodec.object().put("groupId", group);
        for (ObjectNode m : members) {
            p.withArray("members").add(m.put("groupId", group));
        }
        return in(t, EventNames.GROUP_JOINED, p);
    }

    private EventRecord cursor(long t, String user, double x) {
        ObjectNode c = ProtocolCodec.object()
                .put("groupId", "demo")
                .put("userId", user)
                .put("ts", t);
        c.putObject("cursor").put("x", x).put("y", 7);
        return in(t, EventNames.USER_CURSOR_UPDATED, c);
    }

    /** The live session before recording starts: in "demo" with two bots, who moved and picked tools. */
    private PresenceTracker liveBeforeRecording() {
        PresenceTracker live = new PresenceTracker();
        live.apply(in(
                1_000,
                EventNames.CONNECTION_ESTABLISHED,
                ProtocolCodec.object()
                        .put("socketId", "s1")
                        .put("userId", "me")
                        .put("displayName", "Me")
                        .put("serverTime", "2026-01-01T00:00:00Z")
                        .put("heartbeatIntervalMs", 25_000)));
        live.apply(joined(1_010, "demo", user("me", null), user("bot-1", "pen"), user("bot-2", "eraser")));
        live.apply(cursor(1_500, "bot-1", 120));
        live.apply(cursor(1_600, "bot-2", 240));
        return live;
    }

    @Test
    void aRecordingStartedMidSessionReplaysWithTheStateItStartedFrom(@TempDir Path dir) throws Exception {
        PresenceTracker live = liveBeforeRecording();
        ManualClock clock = new ManualClock(2_000);
        Path file = dir.resolve("mid-session.jsonl");
        try (SessionWriter writer = new SessionWriter(
                file, SessionHeader.of("test", "http://127.0.0.1:1", "me", "demo", "now"), new Redactor())) {
            SnapshottingRecorder recorder = new SnapshottingRecorder(writer, live, null, clock);
            List<EventRecord> during = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                during.add(cursor(2_000 + i * 50L, "bot-1", 300 + i));
            }
            recorder.onEvents(during);
        }
        try (SessionTimeline timeline = SessionTimeline.open(file)) {
            assertEquals(31, timeline.size(), "the opening snapshot and 30 cursor updates");
            PresenceSnapshot atStart = timeline.presenceAfter(1);
            assertEquals("demo", atStart.groupId());
            assertTrue(atStart.connected());
            assertEquals(
                    List.of("bot-1", "bot-2", "me"),
                    atStart.members().stream().map(Member::userId).toList());
            assertEquals("eraser", atStart.member("bot-2").currentTool());
            assertEquals(240, atStart.member("bot-2").cursor().x(), "cursors as they were when recording started");
            PresenceSnapshot atEnd = timeline.presenceAfter(timeline.size());
            assertEquals(329, atEnd.member("bot-1").cursor().x());
            assertEquals(240, atEnd.member("bot-2").cursor().x());
        }
    }

    @Test
    void aGroupChangeIsFollowedByASnapshot() {
        List<EventRecord> written = new ArrayList<>();
        ManualClock clock = new ManualClock(2_000);
        SnapshottingRecorder recorder = new SnapshottingRecorder(written::addAll, liveBeforeRecording(), null, clock);
        recorder.onEvents(List.of(cursor(2_000, "bot-1", 1)));
        recorder.onEvents(List.of(
                in(2_100, EventNames.GROUP_LEFT, ProtocolCodec.object().put("groupId", "demo")),
                joined(2_200, "other", user("me", null), user("zoe", "pen"))));
        assertEquals(5, written.size());
        EventRecord last = written.get(4);
        assertEquals(EventNames.CLIENT_SNAPSHOT, last.name());
        assertEquals(Direction.LOCAL, last.direction());
        assertEquals(
                SnapshottingRecorder.GROUP_CHANGED,
                last.payload().path("reason").asText());
        assertEquals("other", last.payload().path("groupId").asText());
        assertEquals(2, last.payload().path("members").size());
        assertEquals(last.seq(), written.get(3).seq(), "a snapshot carries the seq of the last record it includes");
        PresenceTracker replay = new PresenceTracker();
        replay.apply(written.get(0));
        assertEquals(3, replay.snapshot().members().size(), "the opening snapshot alone restores the group");
    }

    @Test
    void aFileWithoutSnapshotsStillFoldsFromItsOwnRecords() {
        PresenceTracker replay = new PresenceTracker();
        replay.apply(joined(1_010, "demo", user("me", null)));
        assertEquals(1, replay.snapshot().members().size());
        replay.apply(cursor(1_020, "nobody", 1));
        assertNull(replay.snapshot().member("nobody"));
        assertNotNull(replay.snapshot().member("me"));
    }
}
