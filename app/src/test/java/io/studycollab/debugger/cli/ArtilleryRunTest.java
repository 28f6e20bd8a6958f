package io.studycollab.debugger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The exported scenarios run on real Artillery 2 with {@code artillery-engine-socketio-v3}
 * (installed by the build from {@code src/interop/artillery}'s lock file) against the Node
 * reference server: every virtual user, with its own minted token, joins the group and moves its
 * cursor, as an observer in the group sees it.
 */
class ArtilleryRunTest {

    private static NodeProcess server;
    private static SystemClock clock;

    @TempDir
    Path dir;

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> cursorMoves = new ConcurrentHashMap<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = NodeProcess.start("server.js", "--jwt-secret", TestTokens.SECRET);
        clock = new SystemClock("artillery-test-clock");
    }

    @AfterAll
    static void stopServer() {
        server.close();
        clock.close();
    }

    @AfterEach
    void closeOwned() throws Exception {
        for (AutoCloseable c : owned) {
            c.close();
        }
    }

    private static int cli(String... args) {
        CommandLine cl = RootCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int code = cl.execute(args);
        assertEquals(0, code, out.toString());
        return code;
    }

    /** One token per virtual user, in the order Artillery hands them out. */
    private List<String> mintTokens(Path scenario, String prefix, int users) throws Exception {
        List<String> subs =
                IntStream.rangeClosed(1, users).mapToObj(i -> prefix + "-" + i).toList();
        Files.write(
                scenario.resolveSibling("tokens.csv"),
                subs.stream().map(s -> TestTokens.token(s, s, 600).reveal()).toList());
        return subs;
    }

    private void observe(String group) throws Exception {
        EventHub hub = new EventHub("artillery-observer-hub");
        RealtimeClient observer = new RealtimeClient(hub, clock, ClientOptions.defaults());
        owned.add(hub);
        owned.add(observer);
        observer.on(
                "user:joined",
                (EventRecord r) -> joined.add(r.payload().at("/user/userId").asText()));
        observer.on(
                "user:cursor:updated",
                (EventRecord r) -> cursorMoves.merge(r.payload().path("userId").asText(), 1, Integer::sum));
        observer.connect(server.url(), TestTokens.token("observer", "Observer", 600));
        Awaitility.await("observer connected")
                .atMost(Duration.ofSeconds(15))
                .until(() -> observer.state() == ConnectionState.CONNECTED);
        assertTrue(observer.joinGroup(group).get(10, TimeUnit.SECONDS).ok());
    }

    /** Runs {@code artillery run} on the scenario; every virtual user must complete, none fail. */
    private void runArtillery(Path scenario, int users) throws Exception {
        Path artilleryDir = NodeProcess.interopDir().resolve("artillery");
        Path bin = artilleryDir.resolve("node_modules/artillery/bin/run");
        assertTrue(Files.isRegularFile(bin), "the build installs Artillery: npm ci in " + artilleryDir);
        Path log = dir.resolve("artillery.log");
        ProcessBuilder pb = new ProcessBuilder(
                        "node",
                        bin.toString(),
                        "run",
                        "--output",
                        dir.resolve("report.json").toString(),
                        scenario.toString())
                .directory(artilleryDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // No telemetry, no update check: the test talks to nothing but the loopback server.
        pb.environment().put("ARTILLERY_DISABLE_TELEMETRY", "true");
        pb.environment().put("NODE_PATH", artilleryDir.resolve("node_modules").toString());
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "artillery finished: " + Files.readString(log));
            assertEquals(0, p.exitValue(), Files.readString(log));
        } finally {
            p.destroyForcibly();
        }
        JsonNode counters = ProtocolCodec.mapper()
                .readTree(dir.resolve("report.json").toFile())
                .at("/aggregate/counters");
        String output = Files.readString(log);
        assertEquals(users, counters.path("vusers.completed").asInt(), output);
        assertEquals(0, counters.path("vusers.failed").asInt(), output);
    }

    private void assertEveryUserJoinedAndMoved(List<String> subs) {
        Awaitility.await("every virtual user joined and moved its cursor")
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        joined.containsAll(subs) && subs.stream().allMatch(s -> cursorMoves.getOrDefault(s, 0) > 0));
        assertEquals(
                Set.copyOf(subs),
                joined.stream().filter(subs::contains).collect(Collectors.toSet()),
                "joined: " + joined + ", moves: " + cursorMoves);
    }

    @Test
    void aSwarmScenarioRunsOnArtillery() throws Exception {
        Path scenario = dir.resolve("swarm.yml");
        cli(
                "artillery",
                "--target",
                server.url(),
                "--users",
                "5",
                "--group",
                "art-swarm",
                "--duration",
                "2s",
                "--cursor-rate",
                "5",
                "--ramp",
                "1",
                "--out",
                scenario.toString());
        List<String> subs = mintTokens(scenario, "swarm", 5);
        observe("art-swarm");
        runArtillery(scenario, 5);
        assertEveryUserJoinedAndMoved(subs);
        subs.forEach(s -> assertTrue(cursorMoves.get(s) >= 5, s + " moved 10 times: " + cursorMoves));
    }

    @Test
    void aRecordingScenarioRunsOnArtillery() throws Exception {
        Path recording = dir.resolve("recorded.jsonl");
        cli(
                "record",
                "--url",
                server.url(),
                "--token",
                TestTokens.token("recorder", "Recorder", 600).reveal(),
                "--group",
                "somewhere-else",
                "--duration",
                "1s",
                "--cursor-demo",
                "--out",
                recording.toString());
        Path scenario = dir.resolve("replay.yml");
        cli(
                "artillery",
                "--target",
                server.url(),
                "--file",
                recording.toString(),
                "--group",
                "art-replay",
                "--users",
                "4",
                "--ramp",
                "1",
                "--out",
                scenario.toString());
        List<String> subs = mintTokens(scenario, "replayer", 4);
        observe("art-replay");
        runArtillery(scenario, 4);
        assertEveryUserJoinedAndMoved(subs);
    }
}
