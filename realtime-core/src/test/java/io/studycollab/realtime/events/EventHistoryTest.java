package io.studycollab.realtime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.BinaryNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
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

    @Test
    void recordsComeBackAsTheyWentIn() {
        EventHistory h = new EventHistory(10);
        var cursor = ProtocolCodec.object()
                .put("groupId", "g")
                .put("userId", "ü-ser")
                .put("ts", 17L);
        cursor.putObject("cursor").put("x", 1.5).put("y", -2);
        EventRecord withArgs = new EventRecord(
                7,
                70,
                700,
                Direction.OUT,
                "multi",
                null,
                null,
                "me",
                ProtocolCodec.mapper().createArrayNode().add("a").add(2),
                12,
                null,
                new PacketInfo("conn-1", "/chat", 42, 2));
        EventRecord binary = new EventRecord(
                8, 80, 800, Direction.IN, "blob", null, null, null, BinaryNode.valueOf(new byte[] {0, -1, 2}), 3, null);
        EventRecord bad =
                new EventRecord(9, 90, 900, Direction.IN, "user:joined", null, "g", null, null, 0, "no payload");
        EventRecord plain =
                new EventRecord(6, 60, 600, Direction.IN, "user:cursor:updated", null, "g", "ü-ser", cursor, 80, null);
        List<EventRecord> in = List.of(plain, withArgs, binary, bad);
        in.forEach(h::add);
        // Numbers come back as JSON reads them (17L as an int node), so compare as JSON text.
        assertEquals(asText(in), asText(h.snapshot()));
        assertEquals(asText(in), asText(h.matching(r -> true)));
        assertTrue(h.snapshot().get(2).payload().isBinary(), "binary stays binary");
        assertEquals(bad, h.last());
    }

    @Test
    void filtersOnTheColumnsAgreeWithTheFilterOnRecords() {
        EventHistory h = new EventHistory(5_000);
        Random rnd = new Random(11);
        String[] names = {"user:cursor:updated", "user:tool:changed", "chat:message", "client:state", "Über:event"};
        List<EventRecord> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            var p = ProtocolCodec.object()
                    .put("userId", "u" + rnd.nextInt(5))
                    .put("text", rnd.nextBoolean() ? "Hello Wörld" : "bye");
            EventRecord r = new EventRecord(
                    i,
                    i,
                    i,
                    Direction.values()[rnd.nextInt(3)],
                    names[rnd.nextInt(names.length)],
                    null,
                    rnd.nextBoolean() ? "g1" : "g2",
                    "u" + rnd.nextInt(5),
                    p,
                    20,
                    rnd.nextInt(50) == 0 ? "bad" : null);
            if (rnd.nextInt(3) > 0) { // a record of a proxied connection (c1..c3) or our own (none)
                r = r.withPacket(PacketInfo.DEFAULT.withConnection("c" + (1 + rnd.nextInt(3))));
            }
            all.add(r);
            h.add(r);
        }
        List<EventFilter> filters = List.of(
                EventFilter.all(),
                EventFilter.all().withNameGlob("user:*"),
                EventFilter.all().withUser("u3").withGroup("g2"),
                EventFilter.all().withText("HELLO"),
                EventFilter.all().withText("wörld"),
                EventFilter.all().withText("über"),
                EventFilter.all().withText("cursor"),
                EventFilter.all().withMalformedOnly(true),
                EventFilter.all().withConnection("c2"),
                EventFilter.all().withConnection("c1").withDirections(EnumSet.of(Direction.IN)),
                EventFilter.all().withDirections(EnumSet.of(Direction.OUT)).withText("bye"));
        for (EventFilter f : filters) {
            assertEquals(asText(all.stream().filter(f).toList()), asText(h.matching(f)), f.toString());
        }
    }

    @Test
    void storageGrowsWithUseAndSnapshotsDoNotChangeLater() {
        EventHistory h = new EventHistory(EventHistory.MAX_CAPACITY); // costs nothing until filled
        for (int i = 1; i <= 3_000; i++) {
            h.add(rec(i, "e" + (i % 3)));
        }
        List<EventRecord> snap = h.snapshot();
        h.add(rec(3_001, "later"));
        assertEquals(3_000, snap.size());
        assertEquals(3_000, snap.get(2_999).seq());
        assertEquals(3_001, h.size());
        assertEquals(6, h.pooledStrings(), "four names, one group and one user, each stored once");
    }

    @Test
    void thePoolOfSharedStringsIsBounded() {
        EventHistory h = new EventHistory(100);
        for (int i = 0; i < StringPool.MAX_ENTRIES + 500; i++) {
            h.add(rec(i, "invented-" + i));
        }
        assertEquals(StringPool.MAX_ENTRIES, h.pooledStrings());
        assertEquals("invented-" + (StringPool.MAX_ENTRIES + 499), h.last().name());
    }

    private static List<String> asText(List<EventRecord> records) {
        return records.stream()
                .map(r -> r + " " + (r.payload() == null ? "" : ProtocolCodec.write(r.payload())))
                .toList();
    }

    @Test
    void theTailIsTheNewestInOrderAcrossTheRingsWrap() {
        EventHistory h = new EventHistory(100);
        IntStream.rangeClosed(1, 250).forEach(i -> h.add(rec(i, i % 3 == 0 ? "user:tool:changed" : "e")));
        assertEquals(
                List.of(248L, 249L, 250L),
                h.tail(3).stream().map(EventRecord::seq).toList());
        assertEquals(100, h.tail(1_000).size(), "never more than kept");
        assertEquals(151L, h.tail(1_000).get(0).seq());
        assertTrue(new EventHistory(10).tail(5).isEmpty());
        // A name glob answered once per pooled name gives what testing each record gives.
        EventFilter glob = EventFilter.all().withNameGlob("user:tool:*");
        assertEquals(
                h.snapshot().stream().filter(glob).map(EventRecord::seq).toList(),
                h.matching(glob).stream().map(EventRecord::seq).toList());
    }
}
