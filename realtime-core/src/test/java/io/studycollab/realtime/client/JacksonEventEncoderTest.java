package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.socket.parser.IOParser;
import io.socket.parser.Packet;
import io.socket.parser.Parser;
import io.studycollab.realtime.protocol.EncodedPayload;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class JacksonEventEncoderTest {

    private static List<Object> encode(Parser.Encoder encoder, Packet<JSONArray> p) {
        List<Object> out = new ArrayList<>();
        encoder.encode(p, data -> out.addAll(List.of(data)));
        return out;
    }

    private static Packet<JSONArray> packet(String nsp, int id, Object... args) {
        JSONArray a = new JSONArray();
        for (Object arg : args) {
            a.put(arg);
        }
        Packet<JSONArray> p = new Packet<>(Parser.EVENT, a);
        p.nsp = nsp;
        p.id = id;
        return p;
    }

    @Test
    void writesWhatTheLibraryWritesFromOneJacksonSerialisation() throws Exception {
        String[] payloads = {
            "{\"groupId\":\"g1\"}",
            "{\"x\":1.5,\"y\":-2}",
            "null",
            "\"text with \\\" and é ✓ 😀\"",
            "[1,{\"a\":[]}]",
            "42"
        };
        for (String json : payloads) {
            for (String nsp : new String[] {"/", "/chat"}) {
                for (int id : new int[] {-1, 0, 17}) {
                    EncodedPayload ours = EncodedPayload.of(ProtocolCodec.parse(json));
                    Object theirsArg = json.startsWith("{")
                            ? new JSONObject(json)
                            : json.startsWith("[") ? new JSONArray(json) : new JSONArray("[" + json + "]").get(0);
                    List<Object> a = encode(new JacksonEventEncoder(), packet(nsp, id, "cursor:update", ours));
                    List<Object> b = encode(new IOParser.Encoder(), packet(nsp, id, "cursor:update", theirsArg));
                    assertEquals(1, a.size());
                    // Same packet prefix and name; the same JSON value (org.json may order keys or write numbers
                    // differently).
                    String oursText = (String) a.get(0);
                    String theirsText = (String) b.get(0);
                    int bracket = theirsText.indexOf('[');
                    assertEquals(theirsText.substring(0, bracket), oursText.substring(0, oursText.indexOf('[')));
                    assertEquals(
                            ProtocolCodec.parse(theirsText.substring(bracket)),
                            ProtocolCodec.parse(oursText.substring(oursText.indexOf('['))),
                            json + " " + nsp + " " + id);
                }
            }
        }
        assertEquals(
                "217[\"a\\\"b\",{\"k\":1}]",
                encode(
                                new JacksonEventEncoder(),
                                packet("/", 17, "a\"b", EncodedPayload.of(ProtocolCodec.parse("{\"k\":1}"))))
                        .get(0));
        EncodedPayload sized = EncodedPayload.of(ProtocolCodec.parse("\"é😀\""));
        assertEquals(8, sized.sizeBytes(), "quotes 2 + é 2 + 😀 4");
    }

    @Test
    void leavesEverythingElseToTheLibrary() {
        Packet<JSONArray> binary = packet("/", -1, "file", new byte[] {1, 2, 3});
        List<Object> out = encode(new JacksonEventEncoder(), binary);
        assertEquals(2, out.size(), "binary event: header and one attachment, as the library does");
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) out.get(1));
        assertNull(JacksonEventEncoder.encodeEvent(packet("/", -1, "plain", new JSONObject("{}"))));
        Packet<JSONObject> connect = new Packet<>(Parser.CONNECT, new JSONObject("{\"token\":\"t\"}"));
        assertEquals(
                "0{\"token\":\"t\"}",
                encode(new JacksonEventEncoder(), (Packet) connect).get(0));
    }
}
