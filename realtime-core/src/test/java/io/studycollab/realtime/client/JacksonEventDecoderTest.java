package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.socket.parser.DecodingException;
import io.socket.parser.IOParser;
import io.socket.parser.Packet;
import io.socket.parser.Parser;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.WirePayload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class JacksonEventDecoderTest {

    private static final JacksonEventDecoder.UndecodableListener NOBODY = (packet, why) -> {};

    private static List<Packet<?>> decode(Parser.Decoder decoder, String packet) {
        List<Packet<?>> out = new ArrayList<>();
        decoder.onDecoded(out::add);
        decoder.add(packet);
        return out;
    }

    /** Same packet type, namespace, id and arguments as socket.io-client-java's decoder gives. */
    private static void sameAsLibrary(String packet) throws Exception {
        Packet<?> ours = decode(new JacksonEventDecoder(NOBODY), packet).get(0);
        Packet<?> theirs = decode(new IOParser.Decoder(), packet).get(0);
        assertEquals(theirs.type, ours.type, packet);
        assertEquals(theirs.nsp, ours.nsp, packet);
        assertEquals(theirs.id, ours.id, packet);
        JSONArray a = (JSONArray) ours.data;
        JSONArray b = (JSONArray) theirs.data;
        assertEquals(b.length(), a.length(), packet);
        assertEquals(b.get(0), a.get(0), packet);
        for (int i = 1; i < a.length(); i++) {
            Object expected = b.get(i);
            Object actual = a.get(i);
            if (expected == JSONObject.NULL) {
                assertEquals(JSONObject.NULL, actual, packet);
                continue;
            }
            ProtocolCodec.Decoded e = ProtocolCodec.fromWire(expected);
            ProtocolCodec.Decoded d = ProtocolCodec.fromWire(actual);
            // Same values (org.json keeps no field order and widens some numbers; Jackson keeps the sender's order).
            Comparator<JsonNode> sameValue = (x, y) -> x.equals(y)
                            || x.isNumber() && y.isNumber() && x.decimalValue().compareTo(y.decimalValue()) == 0
                    ? 0
                    : 1;
            assertEquals(true, e.tree().equals(sameValue, d.tree()), packet + " -> " + d.tree());
            assertEquals(e.sizeBytes(), d.sizeBytes(), packet);
        }
    }

    @Test
    void eventPacketsDecodeLikeTheLibraryButIntoJacksonTrees() throws Exception {
        sameAsLibrary(
                "2[\"user:cursor:updated\",{\"groupId\":\"g\",\"userId\":\"u1\",\"cursor\":{\"x\":1,\"y\":2.5},\"ts\":1700000000000}]");
        sameAsLibrary("2/admin,[\"a\",1,\"two\",[true,false,null]]");
        sameAsLibrary("2/admin,17[\"with ack\",{}]");
        sameAsLibrary("242[\"with ack\",{\"k\":\"v\"}]");
        sameAsLibrary("2[\"no args\"]");
        sameAsLibrary("2[\"null arg\",null,{\"a\":null}]");
        sameAsLibrary("2[\"text\",{\"t\":\"quote \\\" tab \\t ctl \\u0001 été ✓ 😀\"}]");
        sameAsLibrary("2[\"big\",12345678901234567890,-0.125,1e3]".replace("1e3", "1000"));
    }

    @Test
    void theArgumentCarriesItsSizeAsSentInUtf8() {
        String arg = "{\"t\":\"été ✓ 😀\",\"n\":[1,2]}";
        Packet<?> p =
                decode(new JacksonEventDecoder(NOBODY), "2[\"e\"," + arg + "]").get(0);
        WirePayload w = assertInstanceOf(WirePayload.class, ((JSONArray) p.data).get(1));
        assertEquals(arg.getBytes(StandardCharsets.UTF_8).length, w.sizeBytes());
        assertEquals("été ✓ 😀", w.tree().get("t").textValue());
    }

    @Test
    void everythingElseIsLeftToTheLibrary() {
        // Not an array of a string name and arguments: the library's org.json values, as before.
        for (String packet : new String[] {
            "2[42,\"numeric name\"]",
            "2[\"trailing\"]   garbage",
            "0{\"sid\":\"x\"}",
            "3[\"ack result\"]",
            "1",
            "2/nsp,[\"x\",1]x"
        }) {
            Packet<?> ours = decode(new JacksonEventDecoder(NOBODY), packet).get(0);
            Packet<?> theirs = decode(new IOParser.Decoder(), packet).get(0);
            assertEquals(theirs.type, ours.type, packet);
            assertEquals(String.valueOf(theirs.data), String.valueOf(ours.data), packet);
        }
        // Too deep for Jackson: not handed to org.json either (which recurses once per level and,
        // 100,000 levels down, overflows the event thread's stack); reported undecodable instead.
        List<String> deepTold = new ArrayList<>();
        JacksonEventDecoder deepListener = new JacksonEventDecoder((packet, why) -> deepTold.add(why));
        for (int levels : new int[] {1500, 100_000}) {
            String deep = "2[\"deep\"," + "[".repeat(levels) + "]".repeat(levels) + "]";
            assertTrue(decode(deepListener, deep).isEmpty(), "no packet for " + levels + " levels");
        }
        assertEquals(2, deepTold.size());
        assertTrue(deepTold.get(0).contains("depth"), deepTold.get(0));
        // Invalid JSON is rejected exactly as the library rejects it, and we hear of it first.
        List<String> told = new ArrayList<>();
        JacksonEventDecoder listening = new JacksonEventDecoder((packet, why) -> told.add(packet + " -> " + why));
        assertThrows(DecodingException.class, () -> decode(listening, "2[\"broken\",{"));
        assertThrows(DecodingException.class, () -> decode(listening, "2[]"));
        assertThrows(DecodingException.class, () -> decode(listening, "9unknown packet type"));
        assertEquals(
                List.of(
                        "2[\"broken\",{ -> invalid payload",
                        "2[] -> invalid payload",
                        "9unknown packet type -> unknown packet type 9"),
                told);
        assertNull(JacksonEventDecoder.event("2/no-comma"));
    }

    @Test
    void aFrameParsedOnTheReaderThreadIsTakenOnlyForThatFrame() {
        String packet = "2[\"user:cursor:updated\",{\"groupId\":\"g\",\"userId\":\"u1\",\"cursor\":{\"x\":1,\"y\":2}}]";
        JacksonEventDecoder.Predecoded pre = JacksonEventDecoder.predecode("4" + packet);
        assertNull(JacksonEventDecoder.predecode("2"), "a ping is no event");
        assertNull(JacksonEventDecoder.predecode("40{}"), "a CONNECT is no event");
        // Given with its own frame: the packet parsed on the reader thread, the very same object.
        List<Packet<?>> out = new ArrayList<>();
        JacksonEventDecoder decoder = new JacksonEventDecoder(NOBODY);
        decoder.onDecoded(out::add);
        JacksonEventDecoder.expect(pre);
        decoder.add(packet);
        WirePayload first = assertInstanceOf(WirePayload.class, ((JSONArray) out.get(0).data).get(1));
        assertEquals("u1", first.tree().get("userId").textValue());
        // Taken once: the same text again is parsed afresh, and another frame's packet never uses it.
        JacksonEventDecoder.expect(pre);
        decoder.add("2[\"other\",1]");
        decoder.add(packet);
        assertEquals("other", ((JSONArray) out.get(1).data).get(0));
        WirePayload again = assertInstanceOf(WirePayload.class, ((JSONArray) out.get(2).data).get(1));
        assertTrue(again != first && again.tree().equals(first.tree()));
        // Too deep, found on the reader thread: reported undecodable, as when parsed here.
        List<String> told = new ArrayList<>();
        JacksonEventDecoder listening = new JacksonEventDecoder((p, why) -> told.add(why));
        String deep = "2[\"deep\"," + "[".repeat(5000) + "]".repeat(5000) + "]";
        JacksonEventDecoder.expect(JacksonEventDecoder.predecode("4" + deep));
        assertTrue(decode(listening, deep).isEmpty());
        assertEquals(1, told.size());
    }
}
