package io.studycollab.debugger.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.studycollab.debugger.cli.options.SecretInput;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.server.auth.TokenVerifier;
import io.studycollab.realtime.server.auth.VerifiedUser;
import io.studycollab.realtime.server.bots.SandboxBots;
import io.studycollab.realtime.session.SessionReader;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes, output, files; the long-running ones as real processes. */
class CommandLineTest {

    private static StudyCollabServer server;
    private static SandboxBots bots;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        ServerConfig config = ServerConfig.defaults(TestTokens.SECRET, "cli-service-key");
        server = StudyCollabServer.start(config);
        bots = SandboxBots.start(server.url(), new TokenMinter(TestTokens.SECRET, "authenticated"), "demo", 2);
    }

    @AfterAll
    static void stopServer() {
        bots.close();
        server.close();
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static CliRun run(SecretInput secrets, String... args) {
        return CliRun.with(secrets, new StringWriter(), args);
    }

    @Test
    void badFlagsPrintUsageAndExitTwo() {
        CliRun r = run("--no-such-flag");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Usage: realtime-debugger"), r.err());
        CliRun rec = run("record", "--url", "http://127.0.0.1:1", "--token", "t", "--duration", "soon");
        assertEquals(2, rec.code());
        assertTrue(rec.err().contains("is not a duration"), rec.err());
        CliRun missing = run("record", "--token", "t");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--url"), missing.err());
        // A short secret mints (servers on Node's jsonwebtoken accept them), with a warning (#13 point 12).
        CliRun shortSecret = run("token", "--secret", "short", "--sub", "u");
        assertEquals(0, shortSecret.code(), shortSecret.err());
        assertTrue(shortSecret.err().contains("JWT secret is only"), shortSecret.err());
        assertTrue(run("serve", "--groups-policy", "sometimes").err().contains("open or claims"));
    }

    @Test
    void versionAndTokenPrintWhatTheySay() throws Exception {
        CliRun v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("StudyCollab Realtime Debugger "), v.out());
        CliRun t = run(
                "token",
                "--secret",
                TestTokens.SECRET,
                "--sub",
                "u-42",
                "--name",
                "Ada",
                "--groups",
                "g1,g2",
                "--ttl",
                "120");
        assertEquals(0, t.code(), t.err());
        VerifiedUser u = new TokenVerifier(TestTokens.SECRET, "authenticated", System::currentTimeMillis)
                .verify(t.out().trim());
        assertEquals("u-42", u.userId());
        assertEquals("Ada", u.displayName());
        assertEquals(List.of("g1", "g2"), u.groups());
    }

    @Test
    void recordWritesASessionFileWithoutTheToken() throws Exception {
        String token = TestTokens.token("recorder", "Recorder", 600).reveal();
        Path file = dir.resolve("demo.jsonl");
        CliRun r = record(token, "demo", "2s", file, "--cursor-demo");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("recorded "), r.out());
        String text = Files.readString(file);
        assertFalse(text.contains(token), "no token in the session file");
        try (SessionReader reader = SessionReader.open(file)) {
            assertEquals("recorder", reader.header().user());
            assertEquals("demo", reader.header().group());
            List<EventRecord> records = reader.readAll();
            assertTrue(reader.problems().isEmpty(), reader.problems().toString());
            assertTrue(
                    records.stream()
                            .anyMatch(e -> e.name().equals("cursor:update")
                                    && e.direction().wire().equals("out")),
                    "our own cursor is recorded as cursor:update out");
            assertTrue(
                    records.stream()
                            .anyMatch(e -> e.name().equals("user:cursor:updated")
                                    && e.direction().wire().equals("in")),
                    "the bots' cursors as user:cursor:updated in");
            assertTrue(records.stream().anyMatch(e -> e.name().equals("connection:established")));
            // --cursor-demo draws a circle of radius 200 around (500, 300); how many points a busy
            // machine sends in 2 s is a figure for a benchmark, not a test.
            List<EventRecord> outCursors = records.stream()
                    .filter(e -> e.name().equals("cursor:update"))
                    .toList();
            assertTrue(outCursors.size() >= 2, "the cursor moved: " + outCursors.size());
            for (EventRecord c : outCursors) {
                double dx = c.payload().get("x").asDouble() - 500;
                double dy = c.payload().get("y").asDouble() - 300;
                assertEquals(200, Math.hypot(dx, dy), 0.001, "on the demo circle: " + c.payload());
            }
            assertTrue(
                    outCursors.stream()
                                    .map(c -> c.payload().toString())
                                    .distinct()
                                    .count()
                            >= 2,
                    "the cursor moves along the circle");
        }
    }

    @Test
    void replaySendsARecordingsOutboundEventsToAnotherGroup() throws Exception {
        String token = TestTokens.token("rec", "Rec", 600).reveal();
        Path file = dir.resolve("to-replay.jsonl");
        assertEquals(0, record(token, "demo", "1s", file, "--cursor-demo").code());
        long recordedCursors;
        try (SessionReader reader = SessionReader.open(file)) {
            recordedCursors = reader.readAll().stream()
                    .filter(r -> r.name().equals("cursor:update"))
                    .count();
        }
        try (SystemClock clock = new SystemClock("w");
                EventHub hub = new EventHub();
                RealtimeClient watcher = new RealtimeClient(hub, clock, ClientOptions.defaults())) {
            List<EventRecord> seen = new CopyOnWriteArrayList<>();
            watcher.on("user:cursor:updated", seen::add);
            watcher.connect(server.url(), TestTokens.token("watch", "Watch", 600));
            await("watcher").atMost(Duration.ofSeconds(15)).until(() -> watcher.state() == ConnectionState.CONNECTED);
            watcher.joinGroup("replay-room").get(5, TimeUnit.SECONDS);
            CliRun r = run(
                    "replay",
                    "--file",
                    file.toString(),
                    "--url",
                    server.url(),
                    "--token",
                    TestTokens.token("other", "Other", 600).reveal(),
                    "--group",
                    "replay-room",
                    "--speed",
                    "2");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("re-emitted"), r.out());
            await("replayed cursors arrive").atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= recordedCursors);
            assertTrue(seen.stream().allMatch(e -> "other".equals(e.userId())), "sent as the replaying user");
        }
        CliRun bad = run(
                "replay", "--file", dir.resolve("missing.jsonl").toString(), "--url", server.url(), "--token", token);
        assertEquals(1, bad.code());
        Path notSession = Files.writeString(dir.resolve("x.json"), "{\"a\":1}\n");
        CliRun wrong = run("replay", "--file", notSession.toString(), "--url", server.url(), "--token", token);
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("line 1"), wrong.err());
    }

    @Test
    void compareReportsCountsAndTheFirstDifference() throws Exception {
        String token = TestTokens.token("cmp", "Cmp", 600).reveal();
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertEquals(0, record(token, "demo", "1s", a).code());
        assertEquals(0, record(token, "other", "1s", b).code());
        CliRun same = run("compare", a.toString(), a.toString());
        assertEquals(0, same.code(), same.out());
        assertTrue(same.out().contains("No difference"), same.out());
        CliRun differ = run("compare", a.toString(), b.toString());
        assertEquals(3, differ.code(), differ.out());
        assertTrue(differ.out().contains("First difference"), differ.out());
        // Counts per event, one row each (which events a 1 s recording catches depends on the bots' timing).
        assertTrue(differ.out().lines().anyMatch(l -> l.matches("group:joined\\s+1\\s+1\\s*")), differ.out());
        assertEquals(
                1,
                run("compare", a.toString(), dir.resolve("none.jsonl").toString())
                        .code());
    }

    @Test
    void aSwarmOfFiftyJoinsAndItsFiguresAddUp() throws Exception {
        // Long enough for 50 handshakes on a 2-core machine shared with other builds (6 s was not:
        // none had connected when the swarm ended); how fast they connect is a benchmark's figure.
        CliRun r = run(
                "swarm",
                "--url",
                server.url(),
                "--secret",
                TestTokens.SECRET,
                "--group",
                "swarm-room",
                "--users",
                "50",
                "--duration",
                "15s",
                "--cursor-rate",
                "5");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("connected at the end   50"), r.out());
        assertTrue(r.out().contains("failed to connect      0"), r.out());
        // The server hears the last disconnects a moment after the process has gone.
        String[] body = {""};
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try {
                body[0] = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(server.url() + "/api/realtime/test"))
                                        .header("Authorization", "Bearer cli-service-key")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertFalse(body[0].contains("swarm-room"), () -> "all left when the swarm ended: " + body[0]);
        });
        CliRun refused = run(
                "swarm",
                "--url",
                server.url(),
                "--secret",
                "a-different-secret-that-is-long-enough-0123",
                "--group",
                "g",
                "--users",
                "3",
                "--duration",
                "2s");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("AUTH_INVALID"), refused.out());
        assertEquals(
                2, run("swarm", "--url", server.url(), "--group", "g").code(), "a secret or a tokens file is required");
    }

    @Test
    void artilleryScenariosFromARecordingAndFromASwarm() throws Exception {
        Path rec = dir.resolve("for-artillery.jsonl");
        assertEquals(
                0,
                record(TestTokens.token("art", "Art", 600).reveal(), "demo", "1s", rec, "--cursor-demo")
                        .code());
        Path fromRecording = dir.resolve("replay.yml");
        CliRun r = run(
                "artillery",
                "--target",
                server.url(),
                "--file",
                rec.toString(),
                "--users",
                "20",
                "--out",
                fromRecording.toString());
        assertEquals(0, r.code(), r.err());
        String yaml = Files.readString(fromRecording);
        JsonNode replay = new YAMLMapper().readTree(yaml);
        assertEquals(20, replay.at("/config/phases/0/arrivalCount").asInt(), yaml);
        List<String> emitted = new ArrayList<>();
        replay.at("/scenarios/0/flow")
                .forEach(step -> emitted.add(step.at("/emit/0").asText()));
        assertTrue(emitted.contains("cursor:update"), yaml);
        assertFalse(yaml.contains(TestTokens.SECRET));
        Path fromSwarm = dir.resolve("swarm.yml");
        assertEquals(
                0,
                run(
                                "artillery",
                                "--target",
                                server.url(),
                                "--users",
                                "50",
                                "--group",
                                "demo",
                                "--duration",
                                "30s",
                                "--out",
                                fromSwarm.toString())
                        .code());
        JsonNode swarm = new YAMLMapper().readTree(fromSwarm.toFile());
        assertEquals(600, swarm.at("/scenarios/0/flow/2/count").asInt(), "30 s at 20/s");
        assertEquals(2, run("artillery", "--target", server.url()).code(), "a swarm needs a group");
    }

    @Test
    void recordExitsNonZeroWithTheReasonWhenItCannotConnect() {
        CliRun unreachable = run(
                "record",
                "--url",
                "http://127.0.0.1:1",
                "--token",
                TestTokens.token("u", "U", 60).reveal(),
                "--duration",
                "1s",
                "--out",
                dir.resolve("a.jsonl").toString());
        assertEquals(1, unreachable.code());
        assertTrue(unreachable.err().contains("cannot connect"), unreachable.err());
        CliRun refused = record(TestTokens.token("u", "U", -60).reveal(), null, "1s", dir.resolve("b.jsonl"));
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("AUTH_EXPIRED"), refused.err());
        CliRun forbidden = record(
                TestTokens.token(TestTokens.SECRET, "u", "U", 60, List.of("other"), "authenticated")
                        .reveal(),
                "demo",
                "1s",
                dir.resolve("c.jsonl"));
        assertEquals(1, forbidden.code());
        assertTrue(forbidden.err().contains("FORBIDDEN"), forbidden.err());
    }

    /** {@code record} against the test server: {@code --group} only when {@code group} is not null. */
    private CliRun record(String token, String group, String duration, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("record", "--url", server.url(), "--token", token));
        if (group != null) {
            args.addAll(List.of("--group", group));
        }
        args.addAll(List.of("--duration", duration, "--out", out.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    /**
     * How long a launched JVM may take to print its first line: 16 s was measured for `serve` on
     * this 2-core machine while other builds ran (load average 30); a passing run waits no longer.
     */
    private static final Duration JVM_START = Duration.ofSeconds(90);

    /** A real process running the launcher; its stdout goes to a file (a pipe may lose what a dying JVM writes last). */
    private Process launch(String... args) throws Exception {
        List<String> cmd = CliRun.launcher(args);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("stderr-" + out.getFileName()).toFile())
                .start();
        outputs.put(p, out);
        return p;
    }

    private final Map<Process, Path> outputs = new HashMap<>();

    private List<String> lines(Process p) {
        try {
            return Files.readAllLines(outputs.get(p));
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    void recordFlushesAndSummarisesWhenInterrupted() throws Exception {
        Path file = dir.resolve("interrupted.jsonl");
        Process p = launch(
                "record",
                "--url",
                server.url(),
                "--token",
                TestTokens.token("r2", "R2", 600).reveal(),
                "--group",
                "demo",
                "--duration",
                "10m",
                "--out",
                file.toString());
        try {
            await("recording started").atMost(JVM_START).until(() -> !lines(p).isEmpty());
            assertTrue(lines(p).get(0).startsWith("recording "), lines(p).get(0));
            // Records, not bytes: how big a record is depends on what it carries.
            await("events on disk").atMost(Duration.ofSeconds(20)).until(() -> lineCount(file) > 12);
            p.destroy(); // SIGTERM: the same shutdown path as Ctrl-C
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertTrue(lines(p).stream().anyMatch(l -> l.startsWith("recorded ")), lines(p).toString());
        } finally {
            p.destroyForcibly();
        }
        try (SessionReader reader = SessionReader.open(file)) {
            assertTrue(reader.readAll().size() > 10);
            assertTrue(reader.problems().isEmpty(), "the last line is complete: " + reader.problems());
        }
    }

    private static long lineCount(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    @Test
    void servePrintsOneStartupLineAndAnswersHealth() throws Exception {
        Process p = launch("serve", "--port", "0", "--bots", "1");
        try {
            await("startup line").atMost(JVM_START).until(() -> !lines(p).isEmpty());
            String line = lines(p).get(0);
            assertTrue(line.startsWith("StudyCollab server listening on http://127.0.0.1:"), line);
            assertTrue(line.contains("dev token: ey"), "a ready dev token when the secret was generated");
            String url = line.split(" ")[4];
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"ok\""));
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
    }
}
