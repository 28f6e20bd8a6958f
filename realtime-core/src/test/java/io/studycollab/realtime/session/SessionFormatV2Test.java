package io.studycollab.realtime.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.events.PacketInfo;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.replay.SessionTimeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 adds where on the wire a record was seen; version 1 files still open. */
class SessionFormatV2Test {

    private static EventRecord record(long seq, String conn, String nsp, long ack, int args) throws Exception {
        return new EventRecord(
                        seq,
                        1000 + seq,
                        seq,
                        Direction.OUT,
                        "cursor:update",
                        null,
                        "g",
                        "u" + conn,
                        ProtocolCodec.parse("{\"x\":1,\"y\":2}"),
                        13,
                        null)
                .withPacket(new PacketInfo(conn, nsp, ack, args));
    }

    @Test
    void packetFieldsRoundTripAndOurOwnClientsRecordsStayAsInVersionOne() throws Exception {
        EventRecord r = record(1, "c7", "/admin", 17, 3);
        String line = SessionCodec.toLine(r, new Redactor());
        assertTrue(line.contains("\"args\":3,\"nsp\":\"/admin\",\"conn\":\"c7\",\"ack\":17"), line);
        assertEquals(r.packet(), SessionCodec.fromLine(line).packet());

        EventRecord own = record(2, null, "/", -1, 1);
        String ownLine = SessionCodec.toLine(own, new Redactor());
        assertFalse(
                ownLine.contains("\"conn\"") || ownLine.contains("\"ack\"") || ownLine.contains("\"args\""), ownLine);
        assertEquals(PacketInfo.DEFAULT, SessionCodec.fromLine(ownLine).packet());
    }

    @Test
    void aVersionOneFileOpensAndARecordingSplitsIntoOneLanePerConnection(@TempDir Path dir) throws Exception {
        Path v1 = dir.resolve("v1.jsonl");
        Files.writeString(
                v1,
                "{\"format\":\"studycollab-session\",\"version\":1,\"app\":\"old\"}\n"
                        + "{\"seq\":1,\"t\":5,\"dir\":\"in\",\"event\":\"user:joined\",\"data\":{\"groupId\":\"g\",\"user\":{\"userId\":\"a\"}}}\n");
        try (SessionTimeline t = SessionTimeline.open(v1)) {
            assertEquals(1, t.size());
            assertTrue(t.problems().isEmpty(), t.problems().toString());
            assertEquals(List.of(), t.lanes().connections());
        }

        Path v2 = dir.resolve("v2.jsonl");
        try (SessionWriter w =
                new SessionWriter(v2, SessionHeader.of("test", "http://x", null, null, "now"), new Redactor())) {
            w.onEvents(List.of(
                    record(1, "c1", "/", -1, 1),
                    record(2, "c2", "/", -1, 1),
                    record(3, "c1", "/", 4, 1),
                    record(4, null, "/", -1, 1)));
        }
        assertTrue(Files.readAllLines(v2).get(0).contains("\"version\":2"));
        try (SessionTimeline t = SessionTimeline.open(v2)) {
            assertEquals(List.of("c1", "c2"), t.lanes().connections());
            assertArrayEquals(new int[] {0, 2}, t.lanes().indices("c1"));
            assertArrayEquals(new int[] {1}, t.lanes().indices("c2"));
            assertEquals(1, t.lanes().countBefore("c1", 2));
            assertEquals(4, t.records(2, 3).get(0).packet().ackId());
        }
    }
}
