package io.studycollab.realtime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private final EventRecord cursor = EventRecord.of(
            Direction.IN,
            "user:cursor:updated",
            ProtocolCodec.object().put("groupId", "g1").put("userId", "ada").put("ts", 1),
            10,
            null,
            1,
            1,
            null);
    private final EventRecord joinOut = EventRecord.of(
            Direction.OUT, "group:join", ProtocolCodec.object().put("groupId", "g2"), 10, null, 1, 1, "me");
    private final EventRecord custom = EventRecord.of(
            Direction.IN,
            "quiz:answer",
            ProtocolCodec.object()
                    .put("from", "bob")
                    .put("groupId", "g1")
                    .put("ts", 1)
                    .set("data", ProtocolCodec.object().put("choice", "Banana")),
            10,
            null,
            1,
            1,
            null);
    private final EventRecord bad = EventRecord.of(Direction.IN, "user:joined", null, 0, "no payload", 1, 1, null);
    private final List<EventRecord> all = List.of(cursor, joinOut, custom, bad);

    private List<EventRecord> apply(EventFilter f) {
        return all.stream().filter(f).toList();
    }

    @Test
    void emptyFilterMatchesEverything() {
        assertEquals(all, apply(EventFilter.all()));
        assertTrue(EventFilter.all().isEmpty());
    }

    @Test
    void byProxiedConnection() {
        EventRecord c1 = cursor.withPacket(PacketInfo.DEFAULT.withConnection("c1"));
        EventRecord c2 = joinOut.withPacket(PacketInfo.DEFAULT.withConnection("c2"));
        List<EventRecord> mixed = List.of(c1, c2, custom);
        assertEquals(
                List.of(c1),
                mixed.stream().filter(EventFilter.all().withConnection("c1")).toList());
        assertEquals(
                List.of(),
                mixed.stream()
                        .filter(EventFilter.all().withConnection("c2").withDirections(EnumSet.of(Direction.IN)))
                        .toList());
        assertFalse(EventFilter.all().withConnection("c1").isEmpty());
        assertTrue(EventFilter.all().withConnection(" ").isEmpty());
    }

    @Test
    void byNameGlobAndRegex() {
        assertEquals(List.of(cursor, bad), apply(EventFilter.all().withNameGlob("user:*")));
        assertEquals(List.of(cursor), apply(EventFilter.all().withNameGlob("user:?ursor:*")));
        assertEquals(List.of(joinOut), apply(EventFilter.all().withNameRegex("^group:")));
        assertEquals(List.of(cursor, custom), apply(EventFilter.all().withNameRegex("cursor|quiz")));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.all().withNameRegex("("));
    }

    @Test
    void byCategoryDirectionUserGroupTextAndMalformed() {
        assertEquals(List.of(cursor), apply(EventFilter.all().withCategories(EnumSet.of(EventCategory.PRESENCE))));
        assertEquals(List.of(custom), apply(EventFilter.all().withCategories(EnumSet.of(EventCategory.CUSTOM))));
        assertEquals(List.of(joinOut), apply(EventFilter.all().withDirections(EnumSet.of(Direction.OUT))));
        assertEquals(List.of(joinOut), apply(EventFilter.all().withUser("me")));
        assertEquals(List.of(custom), apply(EventFilter.all().withUser("bob")));
        assertEquals(List.of(cursor, custom), apply(EventFilter.all().withGroup("g1")));
        assertEquals(List.of(custom), apply(EventFilter.all().withText("banana")));
        assertEquals(List.of(bad), apply(EventFilter.all().withMalformedOnly(true)));
        EventFilter combined = EventFilter.all()
                .withGroup("g1")
                .withDirections(EnumSet.of(Direction.IN))
                .withNameGlob("quiz:*");
        assertEquals(List.of(custom), apply(combined));
        assertFalse(combined.isEmpty());
    }
}
