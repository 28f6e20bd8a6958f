package io.studycollab.realtime.proxy.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {

    @Test
    void socketIoPacketsParseAndEncodeBackToTheSameText() {
        for (String wire : List.of(
                "2[\"cursor:update\",{\"x\":1,\"y\":2}]",
                "217[\"group:join\",{\"groupId\":\"g\"}]",
                "317[{\"ok\":true}]",
                "51-[\"file\",{\"_placeholder\":true,\"num\":0}]",
                "0/admin,{\"token\":\"t\"}",
                "2/admin,5[\"a\",1,{\"b\":true}]",
                "0{\"sid\":\"abc\"}",
                "1",
                "1/admin,",
                "4{\"message\":\"AUTH_INVALID\"}")) {
            assertEquals(wire, SioPacket.parse(wire).encode(), wire);
        }
        SioPacket p =
                SioPacket.parse("62-/admin,9[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertEquals(SioPacket.BINARY_ACK, p.type());
        assertEquals(2, p.attachments());
        assertEquals("/admin", p.namespace());
        assertEquals(9, p.ackId());
        assertEquals(-1, SioPacket.parse("2[\"a\"]").ackId());
    }

    @Test
    void brokenSocketIoPacketsAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> SioPacket.parse(""));
        assertThrows(IllegalArgumentException.class, () -> SioPacket.parse("9[]"));
        assertThrows(IllegalArgumentException.class, () -> SioPacket.parse("5[\"no dash\"]"));
        assertThrows(IllegalArgumentException.class, () -> SioPacket.parse("5x-[]"));
        assertThrows(IllegalArgumentException.class, () -> EioPacket.parseText(""));
        assertThrows(IllegalArgumentException.class, () -> EioPacket.parseText("9nope"));
    }

    @Test
    void pollingBodiesSplitOnTheRecordSeparatorWithBinaryAsBase64() {
        byte[] bytes = {0, 1, 2, (byte) 0xff, 0x1e};
        String body = "42[\"a\"]\u001e2\u001ebAAEC/x4=\u001e6";
        List<EioPacket> packets = PollingPayload.decode(body);
        assertEquals(4, packets.size());
        assertEquals(EioPacket.message("2[\"a\"]"), packets.get(0));
        assertEquals(EioPacket.PING, packets.get(1).type());
        assertArrayEquals(bytes, packets.get(2).binary());
        assertEquals(EioPacket.NOOP, packets.get(3).type());
        assertEquals(body, PollingPayload.encode(packets)); // unchanged packets re-encode byte for byte
        assertEquals(List.of(), PollingPayload.decode(""));
        assertThrows(IllegalArgumentException.class, () -> PollingPayload.decode("b%%%"));
    }
}
