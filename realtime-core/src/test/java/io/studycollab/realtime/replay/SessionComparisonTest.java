package io.studycollab.realtime.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionComparisonTest {

    private static EventRecord ev(long t, Direction d, String name, String key, Object value) {
        var p = ProtocolCodec.object().put("ts", t).put("serverTime", "t" + t);
        p.set(key, ProtocolCodec.mapper().valueToTree(value));
        return new EventRecord(t, t, t, d, name, null, null, null, p, 10, null);
    }

    private static List<EventRecord> run(long offset, String thirdTool) {
        List<EventRecord> rs = new ArrayList<>();
        rs.add(ev(offset + 1, Direction.OUT, "group:join", "groupId", "g"));
        rs.add(ev(offset + 2, Direction.IN, "heartbeat:ack", "x", 1));
        rs.add(ev(offset + 3, Direction.IN, "user:tool:changed", "tool", "pen"));
        rs.add(ev(offset + 4, Direction.IN, "user:tool:changed", "tool", thirdTool));
        return rs;
    }

    @Test
    void sameEventsAtOtherTimesAreTheSame() {
        List<EventRecord> a = run(0, "eraser");
        List<EventRecord> b = new ArrayList<>(run(5000, "eraser"));
        b.add(2, ev(5002, Direction.IN, "heartbeat:ack", "x", 2));
        SessionComparison.Result r = SessionComparison.compare(a, b);
        assertNull(r.firstDifference());
        assertEquals(1, r.counts().get("heartbeat:ack")[0]);
        assertEquals(2, r.counts().get("heartbeat:ack")[1]);
        assertFalse(r.same(), "counts differ (heartbeats), even though the compared events agree");
        assertTrue(SessionComparison.compare(a, run(7, "eraser")).same());
    }

    @Test
    void findsTheFirstDifferenceAndEndsOfStream() {
        SessionComparison.Result r = SessionComparison.compare(run(0, "eraser"), run(0, "text"));
        assertEquals(2, r.firstDifference().position());
        assertEquals("same event, different payload", r.firstDifference().reason());
        assertTrue(SessionComparison.report(r, "a", "b").contains("First difference at compared event 3"));
        List<EventRecord> shorter = run(0, "eraser").subList(0, 3);
        SessionComparison.Result ended = SessionComparison.compare(run(0, "eraser"), shorter);
        assertEquals("the right session ends here", ended.firstDifference().reason());
        assertNull(ended.firstDifference().right());
    }

    @Test
    void liveIsComparedOverTheRecordingsOwnSpan() {
        List<EventRecord> live = new ArrayList<>();
        for (long t = 0; t <= 600_000; t += 1_000) { // ten minutes of live history, one event a second
            live.add(ev(t, Direction.IN, "user:tool:changed", "tool", "pen"));
        }
        List<EventRecord> recording = new ArrayList<>();
        for (long t = 0; t <= 35_000; t += 1_000) { // a 35 s recording
            recording.add(ev(t, Direction.IN, "user:tool:changed", "tool", "pen"));
        }
        assertEquals(35_000, SessionComparison.spanMillis(recording));
        List<EventRecord> span = SessionComparison.lastSpan(live, SessionComparison.spanMillis(recording));
        assertEquals(36, span.size());
        assertEquals(565_000, span.get(0).wallMillis());
        assertTrue(SessionComparison.compare(recording, span).same());
        assertFalse(SessionComparison.compare(recording, live).same(), "the whole history is not like with like");
        assertEquals(List.of(), SessionComparison.lastSpan(List.of(), 1_000));
        assertEquals(0, SessionComparison.spanMillis(List.of()));
    }
}
