package io.studycollab.debugger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.session.SessionReader;
import io.studycollab.realtime.testing.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code record} command in its own JVM with a 256 MiB heap against a hostile server that writes
 * 100,000 events as fast as it can (about 100,000/s on an idle machine), with 10 MB events,
 * 100,000-level nesting and ten 1 MB binary events among them, pinging every 5 s (10 s timeout). The process must live (any OutOfMemoryError
 * ends it with code 3), keep the connection (no reconnect, the server's closing event arrives), and
 * leave a valid session file in which every event the server sent is either recorded or counted in
 * a {@code client:dropped} record: nothing lost silently.
 */
class HostileRecordingTest {

    private static final Pattern GC_AFTER = Pattern.compile("->(\\d+)M\\(");

    @TempDir
    Path dir;

    @Test
    void recordingAStormIn256MiBKeepsTheProcessTheConnectionAndAnExactAccount() throws Exception {
        Path file = dir.resolve("storm.jsonl");
        Path gcLog = dir.resolve("gc.log");
        try (NodeProcess hostile = NodeProcess.start("hostile.js", "--storm", "100000")) {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> cmd = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-Xlog:gc:file=" + gcLog,
                    "-cp",
                    classPath,
                    "io.studycollab.debugger.Launcher",
                    "record",
                    "--url",
                    hostile.url(),
                    "--no-token",
                    "--transport",
                    "websocket",
                    "--duration",
                    "40s",
                    "--out",
                    file.toString());
            NodeProcess.Result run = NodeProcess.run(dir, 90, cmd.toArray(String[]::new));
            assertEquals(0, run.exitCode(), "the recorder lived and finished: " + run.output());
            assertTrue(run.output().contains("reconnects 0"), "the connection was kept: " + run.output());
            assertFalse(run.output().contains("OutOfMemoryError"), run.output());
        }

        Map<String, Long> recorded = new TreeMap<>();
        Map<String, Long> dropped = new TreeMap<>();
        JsonNode sent = null;
        long lines = 0;
        long undecodable = 0;
        try (SessionReader reader = SessionReader.open(file)) {
            long expectSeq = 1;
            for (EventRecord r : reader) {
                lines++;
                assertEquals(expectSeq++, r.seq(), "records numbered without gaps");
                if (r.name().equals("client:dropped")) {
                    r.payload()
                            .get("byEvent")
                            .fields()
                            .forEachRemaining(
                                    e -> dropped.merge(e.getKey(), e.getValue().asLong(), Long::sum));
                } else if (r.direction() == Direction.IN) {
                    recorded.merge(r.name(), 1L, Long::sum);
                }
                if (r.name().equals("client:malformed-packet")) {
                    undecodable++;
                }
                if (r.name().equals("storm:done")) {
                    sent = r.payload().get("data");
                }
                if (r.name().equals("storm:blob")) {
                    assertEquals(1024 * 1024, r.payload().get(0).binaryValue().length, "binary kept whole");
                }
            }
            assertTrue(reader.problems().isEmpty(), "a valid session file: " + reader.problems());
        }
        assertNotNull(
                sent,
                "the server's closing event arrived on the same connection; recorded " + recorded + ", dropped "
                        + dropped);
        for (String name : List.of("flood:tick", "storm:big", "storm:blob")) {
            long s = sent.get(name).asLong();
            assertTrue(s > 0, name + " sent");
            assertEquals(
                    s,
                    recorded.getOrDefault(name, 0L) + dropped.getOrDefault(name, 0L),
                    name + ": every one sent is recorded or counted as dropped (recorded " + recorded + ", dropped "
                            + dropped + ")");
        }
        assertEquals(
                sent.get("storm:deep").asLong(),
                undecodable + dropped.getOrDefault("storm:deep", 0L),
                "every 100,000-level event recorded undecodable or counted as dropped");
        assertTrue(lines > 1000, "the flood was recorded, not just dropped: " + lines);

        List<Long> afterGc = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_AFTER.matcher(line);
            if (m.find()) {
                afterGc.add(Long.parseLong(m.group(1)));
            }
        }
        long peak = afterGc.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf(
                "storm: sent %s; recorded %s; dropped %s; %d records; live heap after GC peaked at %d MiB of 256%n",
                sent, recorded, dropped, lines, peak);
        assertTrue(peak < 256, "heap after GC stayed under the cap: " + peak + " MiB");
    }
}
