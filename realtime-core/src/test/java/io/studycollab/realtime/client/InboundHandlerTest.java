package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.events.PacketInfo;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.EventNames;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class InboundHandlerTest {

    private final ClientPartsFixture f = new ClientPartsFixture();
    private final List<String> reactedTo = new ArrayList<>();
    private final InboundHandler handler = new InboundHandler(f.out, (name, payload) -> reactedTo.add(name));

    @Test
    void aValidContractEventIsRecordedAndReactedTo() {
        handler.incoming(
                new Object[] {
                    EventNames.GROUP_JOINED,
                    new JSONObject().put("groupId", "g1").put("members", new JSONArray())
                },
                "/");
        EventRecord r = f.records.get(0);
        assertEquals(Direction.IN, r.direction());
        assertNull(r.problem());
        assertEquals("g1", r.groupId(), "the group the payload names");
        assertEquals(PacketInfo.DEFAULT, r.packet(), "one argument on the main namespace");
        assertEquals(List.of(EventNames.GROUP_JOINED), reactedTo);
    }

    @Test
    void aBrokenContractEventIsRecordedMalformedAndNotReactedTo() {
        handler.incoming(new Object[] {EventNames.GROUP_JOINED, new JSONObject().put("nope", 1)}, "/");
        assertTrue(f.records.get(0).malformed());
        assertEquals(List.of(), reactedTo);
    }

    @Test
    void anEventOutsideTheContractIsFiledAsOtherWithItsArgumentsAndNamespace() {
        handler.incoming(new Object[] {"custom:thing", 1, 2}, "/admin");
        EventRecord r = f.records.get(0);
        assertEquals(EventCategory.OTHER, r.category());
        assertEquals(2, r.packet().argCount());
        assertEquals("/admin", r.packet().namespace());
        assertEquals(List.of(), reactedTo);
    }

    @Test
    void anUndecodablePacketIsShownRawAndCut() {
        String huge = "4" + "x".repeat(10_000);
        handler.undecodable(huge, "not JSON");
        EventRecord r = f.records.get(0);
        assertEquals(EventNames.CLIENT_MALFORMED_PACKET, r.name());
        assertTrue(r.malformed());
        assertEquals(10_001, r.sizeBytes());
        assertTrue(
                r.payload().asText().endsWith("(10001 characters)"),
                r.payload().asText().substring(4090));
    }
}
