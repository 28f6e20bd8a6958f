package io.studycollab.debugger.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 14 point 8, the pure parts: runs of one event from one sender, and rates per event name. */
class RunsAndRatesTest {

    static EventRecord ev(long seq, long t, Direction dir, String name, String user) {
        return new EventRecord(seq, t, t, dir, name, null, "demo", user, null, 10, null);
    }

    /** 30 cursor moves from bot-1 every 20 ms, one from bot-2, 20 more from bot-1. */
    static List<EventRecord> stream() {
        List<EventRecord> rs = new ArrayList<>();
        long t = 1_000;
        long seq = 1;
        for (int i = 0; i < 30; i++) {
            rs.add(ev(seq++, t += 20, Direction.IN, "user:cursor:updated", "bot-1"));
        }
        rs.add(ev(seq++, t += 20, Direction.IN, "user:cursor:updated", "bot-2"));
        for (int i = 0; i < 20; i++) {
            rs.add(ev(seq++, t += 20, Direction.IN, "user:cursor:updated", "bot-1"));
        }
        rs.add(ev(seq, t + 5, Direction.OUT, "user:cursor:update", "me"));
        return rs;
    }

    @Test
    void consecutiveEventsOfOneNameAndSenderBecomeOneRow() {
        List<EventRecord> rs = stream();
        RunCollapser.Result r = RunCollapser.collapse(rs, Set.of());
        assertEquals(4, r.rows().size(), "bot-1 ×30, bot-2, bot-1 ×20, our emit");
        RunCollapser.Run first = r.runs().get(r.rows().get(0));
        assertEquals(30, first.count());
        assertEquals(50.0, first.perSecond(), 0.01, "one every 20 ms");
        assertFalse(r.runs().containsKey(r.rows().get(1)), "a single event is no run");
        assertEquals(20, r.runs().get(r.rows().get(2)).count());

        RunCollapser.Result open = RunCollapser.collapse(rs, Set.of(rs.get(0).seq()));
        assertEquals(33, open.rows().size(), "the expanded run shows all 30");
        assertTrue(open.runs().get(rs.get(0)).expanded());
    }

    @Test
    void ratesPerEventNameSayFromWhom() {
        List<RateSummary.Line> lines = RateSummary.of(stream(), 5_000);
        assertEquals("user:cursor:updated", lines.get(0).name(), "busiest first");
        assertEquals(51, lines.get(0).count());
        assertEquals(51 / 5.0, lines.get(0).perSecond(), 0.001);
        assertEquals("bot-1 ×50, bot-2 ×1", lines.get(0).sendersText());
        assertEquals("user:cursor:update", lines.get(1).name());
        // Only the window counts: 500 ms back from the newest leaves the last 25 events.
        assertEquals(25, RateSummary.of(stream(), 500).get(0).count());
    }
}
