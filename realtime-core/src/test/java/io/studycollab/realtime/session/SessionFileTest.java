package io.studycollab.realtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFileTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl";

    @TempDir
    Path dir;

    @Test
    void roundTripsRecordsAndRedactsSecrets() throws Exception {
        Path file = dir.resolve("s.jsonl");
        List<EventRecord> records = new ArrayList<>();
        records.add(new EventRecord(
                1,
                1000,
                5,
                Direction.OUT,
                "cursor:update",
                null,
                null,
                "me",
                ProtocolCodec.object().put("x", 1.5).put("y", 2),
                17,
                null));
        records.add(new EventRecord(
                2,
                1001,
                6,
                Direction.IN,
                "quiz:answer",
                null,
                "g1",
                "bob",
                ProtocolCodec.object()
                        .put("from", "bob")
                        .put("token", "abc123456789")
                        .put("note", "my token is " + TOKEN),
                60,
                null));
        records.add(new EventRecord(
                3,
                1002,
                7,
                Direction.IN,
                "user:joined",
                null,
                null,
                null,
                ProtocolCodec.mapper().getNodeFactory().textNode("oops"),
                6,
                "payload must be a JSON object, got string"));
        Redactor redactor = new Redactor().addSecret(TOKEN);
        try (SessionWriter w = new SessionWriter(
                file, SessionHeader.of("test 1", "http://127.0.0.1:1", "me", "g1", "2026-01-01T00:00:00Z"), redactor)) {
            w.onEvents(records);
        }
        String text = Files.readString(file);
        assertFalse(text.contains(TOKEN));
        assertFalse(text.contains("abc123456789"));
        assertTrue(
                text.lines().findFirst().orElseThrow().startsWith("{\"format\":\"studycollab-session\",\"version\":2"));

        try (SessionReader r = SessionReader.open(file)) {
            assertEquals("g1", r.header().group());
            List<EventRecord> back = r.readAll();
            assertEquals(3, back.size());
            assertEquals(records.get(0), back.get(0));
            assertEquals(Redactor.MASK, back.get(1).payload().get("token").asText());
            assertEquals(
                    "my token is " + Redactor.MASK,
                    back.get(1).payload().get("note").asText());
            assertTrue(back.get(2).malformed());
            assertEquals("oops", back.get(2).payload().asText());
            assertTrue(r.problems().isEmpty());
        }
    }

    @Test
    void aCorruptLineIsNamedAndTheRestStillOpens() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(
                file,
                String.join(
                                "\n",
                                "{\"format\":\"studycollab-session\",\"version\":1}",
                                "{\"seq\":1,\"t\":1,\"dir\":\"in\",\"event\":\"a\",\"data\":{}}",
                                "{\"seq\":2,\"t\":2,\"dir\":\"in\",\"eve",
                                "{\"seq\":3,\"t\":3,\"dir\":\"sideways\",\"event\":\"c\",\"data\":{}}",
                                "{\"seq\":4,\"t\":4,\"dir\":\"out\",\"event\":\"d\",\"data\":null}")
                        + "\n",
                StandardCharsets.UTF_8);
        try (SessionReader r = SessionReader.open(file)) {
            List<EventRecord> back = r.readAll();
            assertEquals(List.of(1L, 4L), back.stream().map(EventRecord::seq).toList());
            assertEquals(2, r.problems().size());
            assertEquals(3, r.problems().get(0).line());
            assertEquals(4, r.problems().get(1).line());
            assertTrue(r.problems().get(1).message().contains("dir"));
        }
    }

    @Test
    void newerVersionsAndNonSessionsAreReportedOnLineOne() throws Exception {
        Path newer = dir.resolve("v2.jsonl");
        Files.writeString(
                newer,
                "{\"format\":\"studycollab-session\",\"version\":3}\n{\"seq\":1,\"t\":1,\"dir\":\"in\",\"event\":\"a\",\"data\":1}\n");
        try (SessionReader r = SessionReader.open(newer)) {
            assertEquals(1, r.readAll().size());
            assertEquals(1, r.problems().get(0).line());
            assertTrue(r.problems().get(0).message().contains("newer"));
        }
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\":1}\n");
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionReader.open(other));
        assertEquals(1, e.line());
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        assertThrows(SessionFormatException.class, () -> SessionReader.open(empty));
    }
}
