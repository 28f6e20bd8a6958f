package io.studycollab.debugger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.NodeMembers;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.session.SessionCodec;
import io.studycollab.realtime.testing.TestTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `proxy` as a user runs it: bad flags, and a headless run in front of our own server with a drop rule. */
class ProxyCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void badFlagsPrintUsageAndExitTwo() {
        assertEquals(2, run("proxy", "--listen", "0").code()); // no target
        CliRun scheme = run("proxy", "--listen", "0", "--target", "ftp://example.com");
        assertEquals(2, scheme.code());
        assertTrue(scheme.err().contains("--target"), scheme.err());
        CliRun rule = run("proxy", "--listen", "0", "--target", "http://127.0.0.1:1", "--drop", "a,dir=sideways");
        assertEquals(2, rule.code());
        assertTrue(rule.err().contains("direction must be up or down"), rule.err());
        assertEquals(
                2,
                run("proxy", "--listen", "0", "--target", "http://127.0.0.1:1", "--delay", "a=soon")
                        .code());
        assertEquals(
                2,
                run("proxy", "--listen", "0", "--target", "http://127.0.0.1:1", "--only-dir", "left")
                        .code());
        assertEquals(
                2,
                run("proxy", "--listen", "70000", "--target", "http://127.0.0.1:1")
                        .code());
    }

    @Test
    void headlessRunInFrontOfOurServerDropsByRuleAndRecordsEveryConnection() throws Exception {
        Path file = dir.resolve("proxy.jsonl");
        ServerConfig config = ServerConfig.defaults(TestTokens.SECRET, "cli-service-key");
        try (StudyCollabServer server = StudyCollabServer.start(config)) {
            CommandLine cl = RootCommand.commandLine();
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(new StringWriter(), true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(
                    "proxy",
                    "--listen",
                    "0",
                    "--target",
                    server.url(),
                    "--out",
                    file.toString(),
                    "--duration",
                    "8s",
                    "--drop",
                    "tool:change",
                    "--only-user",
                    "bob",
                    "--only-dir",
                    "up"));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> out.toString().contains("Proxy listening on"));
            Matcher m = Pattern.compile("Proxy listening on (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(out.toString());
            assertTrue(m.find(), out.toString());
            try (NodeMembers members = new NodeMembers(m.group(1))) {
                NodeMembers.Member ada = members.join("ada", "Ada", "websocket", "cli");
                NodeMembers.Member bob = members.join("bob", "Bob", "polling", "cli");
                bob.emit("tool:change", NodeMembers.json("{\"tool\":\"pen\"}"), false); // dropped on the way up
                ada.emit("tool:change", NodeMembers.json("{\"tool\":\"eraser\"}"), false);
                bob.await("ada's tool", l -> l.path("event").asText().equals("user:tool:changed"));
                Awaitility.await()
                        .during(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> ada.events("user:tool:changed").isEmpty());
            }
            assertEquals(0, exit.get(30, TimeUnit.SECONDS), out.toString());
        }
        assertTrue(out(file).get(0).contains("\"version\":2"));
        List<EventRecord> records =
                out(file).stream().skip(1).map(SessionCodec::fromLine).toList();
        assertEquals(
                1, records.stream().filter(r -> r.name().equals("proxy:rule")).count());
        assertTrue(records.stream()
                        .map(r -> r.packet().connection())
                        .filter(c -> c != null)
                        .distinct()
                        .count()
                >= 2);
        assertTrue(Files.readString(file)
                .lines()
                .noneMatch(l ->
                        l.contains(TestTokens.token("bob", "Bob", 3600).reveal().split("\\.")[0] + ".")));
    }

    private static List<String> out(Path file) throws Exception {
        return Files.readAllLines(file);
    }
}
