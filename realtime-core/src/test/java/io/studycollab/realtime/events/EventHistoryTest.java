package io.studycollab.realtime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventHistoryTest {

    static EventRecord rec(long seq, String name) {
        return new EventRecord(
                seq,
                seq,
                seq,
                Direction.IN,
                name,
                null,
                "g1",
                "u1",
                ProtocolCodec.object().put("n", seq),
                8,
                null);
    }

    @Test
    void defaultsToAHundredAndEvictsTheOldest() {
        EventHistory h = new EventHistory();
        assertEquals(100, h.capacity());
        IntStream.rangeClosed(1, 250).forEach(i -> h.add(rec(i, "e")));
        assertEquals(100, h.size());
        assertEquals(250, h.total());
        assertEquals(150, h.evicted());
        List<EventRecord> snap = h.snapshot();
        assertEquals(151, snap.get(0).seq());
        assertEquals(250, snap.get(99).seq());
        assertEquals(250, h.last().seq());
    }

    @Test
    void holdsAMillionAndResizesKeepingTheNewest() {
        EventHistory h = new EventHistory(1_000_000);
        EventRecord shared = rec(0, "e");
        for (int i = 1; i <= 1_000_005; i++) {
            h.add(shared.withSeq(i));
        }
        assertEquals(1_000_000, h.size());
        assertEquals(6, h.snapshot().get(0).seq());
        h.setCapacity(10);
        assertEquals(10, h.size());
        assertEquals(999_996, h.snapshot().get(0).seq());
        h.setCapacity(20);
        h.add(rec(2_000_000, "x"));
        assertEquals(11, h.size());
        assertThrows(IllegalArgumentException.class, () -> h.setCapacity(0));
    }

    @Test
    void countsMalformed() {
        EventHistory h = new EventHistory(5);
        h.add(new EventRecord(1, 1, 1, Direction.IN, "user:joined", null, null, null, null, 0, "no payload"));
        h.add(rec(2, "ok"));
        assertEquals(1, h.malformed());
        assertEquals(1, h.matching(EventRecord::malformed).size());
    }
}
