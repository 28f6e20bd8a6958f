package io.studycollab.realtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionExportTest {

    @TempDir
    Path dir;

    private final List<EventRecord> records = List.of(
            new EventRecord(
                    1,
                    1000,
                    1,
                    Direction.IN,
                    "chat:message",
                    null,
                    "g1",
                    "bob",
                    ProtocolCodec.object()
                            .put("from", "bob")
                            .put("text", "a, \"quoted\"\nline")
                            .put("apikey", "k-123456"),
                    40,
                    null),
            new EventRecord(
                    2,
                    2000,
                    2,
                    Direction.IN,
                    "=cmd()",
                    null,
                    null,
                    null,
                    ProtocolCodec.mapper().getNodeFactory().textNode("text"),
                    8,
                    "payload must be a JSON object, got string"));

    @Test
    void sessionJsonAndCsvRoundTripWithSecretsMasked() throws Exception {
        Redactor redactor = new Redactor();
        Path session = dir.resolve("s.jsonl");
        SessionExport.session(session, SessionHeader.of("t", "u", null, "g1", "now"), records, redactor);
        try (SessionReader r = SessionReader.open(session)) {
            List<EventRecord> back = r.readAll();
            assertEquals(2, back.size());
            assertEquals(Redactor.MASK, back.get(0).payload().get("apikey").asText());
            assertTrue(back.get(1).malformed());
        }
        Path json = dir.resolve("e.json");
        SessionExport.json(json, records, redactor);
        JsonNode array = ProtocolCodec.parse(Files.readString(json));
        assertEquals(2, array.size());
        assertEquals("chat:message", array.get(0).get("event").asText());
        assertFalse(Files.readString(json).contains("k-123456"));

        Path csv = dir.resolve("e.csv");
        SessionExport.csv(csv, records, redactor);
        String text = Files.readString(csv);
        assertTrue(text.startsWith("seq,time,dir,event,category,group,user,size,malformed,problem,data\r\n"));
        assertTrue(text.contains("\"{\"\"from\"\":\"\"bob\"\""), text);
        assertTrue(text.contains(",'=cmd(),"), "a formula-looking cell is defused: " + text);
        assertFalse(text.contains("k-123456"));
        assertEquals(",", SessionExport.cell(null) + ",");
    }
}
