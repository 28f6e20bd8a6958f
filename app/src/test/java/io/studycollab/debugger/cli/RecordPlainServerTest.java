package io.studycollab.debugger.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.session.SessionReader;
import io.studycollab.realtime.testing.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record} against a plain Socket.IO server on the official Node packages (src/interop/
 * plain-server.js): no auth, a namespace of its own, events of its own. Every argument of every
 * event must reach the session file in order, binary byte-exact, foreign events "not in the
 * contract" and only a broken StudyCollab event malformed.
 */
class RecordPlainServerTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void recordsEveryArgumentBinaryAndForeignEventsOfAPlainServerInItsNamespace() throws Exception {
        try (NodeProcess node = NodeProcess.start("plain-server.js", "--namespace", "/chat")) {
            Path file = dir.resolve("plain.jsonl");
            CliRun r = run(
                    "record",
                    "--url",
                    node.url(),
                    "--no-token",
                    "--namespace",
                    "chat",
                    "--duration",
                    "2s",
                    "--out",
                    file.toString());
            assertEquals(0, r.code(), r.err() + r.out());
            assertTrue(r.out().contains("malformed 1, not in the contract 7"), r.out());

            List<EventRecord> in;
            try (SessionReader reader = SessionReader.open(file)) {
                in = reader.readAll().stream()
                        .filter(e -> e.direction() == Direction.IN)
                        .toList();
                assertTrue(reader.problems().isEmpty(), reader.problems().toString());
            }
            Map<String, EventRecord> byName =
                    in.stream().collect(Collectors.toMap(EventRecord::name, Function.identity(), (a, b) -> a));
            assertEquals(
                    List.of(
                            "multi",
                            "bin",
                            "bin-nested",
                            "chat message",
                            "none",
                            "nulls",
                            "user:left",
                            "custom:relay",
                            "plain:done"),
                    in.stream().map(EventRecord::name).toList(),
                    "every event, in order");

            EventRecord multi = byName.get("multi");
            assertEquals(ProtocolCodec.parse("[\"a\",2,{\"b\":true}]"), multi.payload(), "all three arguments");
            assertEquals(3, multi.packet().argCount());
            assertEquals("/chat", multi.packet().namespace());

            EventRecord bin = byName.get("bin");
            assertTrue(bin.payload().isBinary(), "a binary attachment read back as bytes: " + bin.payload());
            assertArrayEquals(
                    new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff},
                    bin.payload().binaryValue());
            assertEquals(5, bin.sizeBytes());

            JsonNode nested = byName.get("bin-nested").payload();
            assertEquals(2, byName.get("bin-nested").packet().argCount());
            assertEquals("all.bin", nested.get(0).get("name").textValue());
            byte[] all = nested.get(0).get("bytes").binaryValue();
            assertEquals(256, all.length);
            for (int i = 0; i < 256; i++) {
                assertEquals((byte) i, all[i], "byte " + i);
            }
            assertEquals("tail", nested.get(1).textValue());

            assertEquals("hello", byName.get("chat message").payload().textValue());
            assertEquals(0, byName.get("none").packet().argCount());
            assertEquals(ProtocolCodec.parse("[]"), byName.get("none").payload());
            assertEquals(ProtocolCodec.parse("[null,null]"), byName.get("nulls").payload());

            for (String foreign : List.of("multi", "bin", "bin-nested", "chat message", "none", "nulls")) {
                EventRecord e = byName.get(foreign);
                assertEquals(EventCategory.OTHER, e.category(), foreign);
                assertNull(e.problem(), foreign + " is not malformed");
            }
            assertNotNull(byName.get("user:left").problem(), "a StudyCollab event breaking its contract");
            assertEquals(EventCategory.CUSTOM, byName.get("custom:relay").category());
            assertFalse(byName.get("custom:relay").malformed());
            assertEquals(1, in.stream().filter(EventRecord::malformed).count());

            JsonNode done = byName.get("plain:done").payload();
            assertEquals("/chat", done.get("nsp").textValue(), "connected to the namespace");
            assertEquals(0, done.get("authKeys").size(), "no token sent");

            String text = Files.readString(file);
            assertTrue(text.contains("\"data\":\"AAEC/v8=\",\"binary\":[\"\"]"), "bytes as base64, marked binary");
            assertTrue(text.contains("\"binary\":[\"/0/bytes\"]"), text);
        }
    }

    @Test
    void noTokenAndTokenExcludeEachOtherAndABadNamespaceIsAUsageError() {
        CliRun both = run("record", "--url", "http://127.0.0.1:1", "--no-token", "--token", "t");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--no-token excludes --token"), both.err());
        CliRun badNsp = run("record", "--url", "http://127.0.0.1:1", "--no-token", "--namespace", "/a b");
        assertEquals(2, badNsp.code());
        assertTrue(badNsp.err().contains("--namespace"), badNsp.err());
    }
}
