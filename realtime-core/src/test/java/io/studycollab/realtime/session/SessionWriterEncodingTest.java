package io.studycollab.realtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer's shortcuts (names kept encoded, Jackson's double writer) must not change. */
class SessionWriterEncodingTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl";
    private static final double[] DOUBLES = {0.1, 412.5, -0.0, 1e-7, 1.0E20, Double.MIN_VALUE, Double.MAX_VALUE, 2.0 / 3
    };

    @TempDir
    Path dir;

    private List<EventRecord> writeAndRead(List<EventRecord> records) throws Exception {
        Path file = dir.resolve("s.jsonl");
        try (SessionWriter w = new SessionWriter(
                file, SessionHeader.of("t", "u", "me", "g", "now"), new Redactor().addSecret(TOKEN))) {
            w.onEvents(records);
        }
        assertFalse(Files.readString(file).contains(TOKEN));
        try (SessionReader r = SessionReader.open(file)) {
            List<EventRecord> back = r.readAll();
            assertTrue(r.problems().isEmpty(), r.problems().toString());
            return back;
        }
    }

    @Test
    void oddNamesAndValuesReadBackAsTheyWereAndSecretsStayMasked() throws Exception {
        List<EventRecord> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // each twice or more: the second time from the kept encoding
            ObjectNode p = ProtocolCodec.object();
            p.put("quote\"and\\back\nslash", "ü \u2028 😀");
            p.put("Token", "abc123456789");
            p.put("note", "my token is " + TOKEN);
            p.putArray("doubles");
            for (double d : DOUBLES) {
                ((ArrayNode) p.get("doubles")).add(d);
            }
            records.add(new EventRecord(
                    i + 1, 1000 + i, i, Direction.IN, "odd \"event\"\t😀", null, "gröup\"", "ü\\ser", p, 90, null));
        }
        List<EventRecord> back = writeAndRead(records);
        assertEquals(3, back.size());
        for (EventRecord r : back) {
            assertEquals("odd \"event\"\t😀", r.name());
            assertEquals("gröup\"", r.groupId());
            assertEquals("ü\\ser", r.userId());
            JsonNode p = r.payload();
            assertEquals("ü \u2028 😀", p.get("quote\"and\\back\nslash").textValue());
            assertEquals(Redactor.MASK, p.get("Token").textValue());
            assertEquals("my token is " + Redactor.MASK, p.get("note").textValue());
            for (int i = 0; i < DOUBLES.length; i++) {
                assertEquals(DOUBLES[i], p.get("doubles").get(i).doubleValue(), "double " + i);
            }
        }
    }

    @Test
    void namesPastTheBoundAreWrittenAllTheSame() throws Exception {
        EncodedStrings kept = new EncodedStrings();
        for (int i = 0; i < EncodedStrings.LIMIT; i++) {
            assertNotNull(kept.get("name-" + i));
        }
        assertNull(kept.get("one more"));
        assertNotNull(kept.get("name-7"));
        assertNull(kept.get("x".repeat(65)));

        // the codec's own bound: many more distinct event names than it keeps, each written right
        List<EventRecord> records = new ArrayList<>();
        for (int i = 0; i < EncodedStrings.LIMIT + 500; i++) {
            records.add(new EventRecord(
                    i + 1,
                    1000,
                    i,
                    Direction.IN,
                    "made:up:" + i,
                    null,
                    null,
                    "u" + i,
                    ProtocolCodec.object(),
                    2,
                    null));
        }
        List<EventRecord> back = writeAndRead(records);
        for (int i = 0; i < records.size(); i++) {
            assertEquals("made:up:" + i, back.get(i).name());
            assertEquals("u" + i, back.get(i).userId());
        }
    }
}
