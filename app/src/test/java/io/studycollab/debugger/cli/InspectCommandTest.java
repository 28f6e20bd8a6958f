package io.studycollab.debugger.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.debugger.cli.options.SecretInput;
import io.studycollab.debugger.testing.TestMembers;
import io.studycollab.realtime.admin.AdminScenarioTests;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.time.SystemClock;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code inspect} against the Node reference server instrumented with the official @socket.io/admin-ui. */
class InspectCommandTest {

    private static final String PASSWORD = "inspect-pw-" + Long.toHexString(System.nanoTime());
    private static NodeProcess server;
    private static SystemClock clock;
    private final List<AutoCloseable> owned = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = AdminScenarioTests.startNodeWithAdmin(PASSWORD);
        clock = new SystemClock("inspect-test-clock");
    }

    @AfterAll
    static void stop() {
        server.close();
        clock.close();
    }

    @AfterEach
    void closeOwned() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        owned.clear();
    }

    private static CliRun run(String stdin, StringWriter out, String... args) {
        return CliRun.with(new SecretInput(Map.of(), CliRun.stdinOf(stdin)), out, args);
    }

    private static CliRun run(String stdin, String... args) {
        return run(stdin, new StringWriter(), args);
    }

    private RealtimeClient member(String sub, String name, String group) throws Exception {
        return TestMembers.member(server.url(), clock, owned, sub, name, group);
    }

    @Test
    void oneSnapshotAsTextAndAsJson() throws Exception {
        RealtimeClient ada = member("ada", "Ada", "g1");
        CliRun text = run(PASSWORD + "\n", "inspect", "--url", server.url(), "--username", "admin", "--password-stdin");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("/ g1  1 member"), text.out());
        assertTrue(text.out().contains(ada.snapshot().socketId() + "  ada (Ada)"), text.out());
        assertFalse(text.out().contains(PASSWORD));

        CliRun json = run(
                PASSWORD + "\n", "inspect", "--url", server.url(), "--username", "admin", "--password-stdin", "--json");
        assertEquals(0, json.code(), json.err());
        JsonNode doc = ProtocolCodec.parse(json.out());
        JsonNode g1 = null;
        for (JsonNode r : doc.get("rooms")) {
            if (r.get("name").asText().equals("g1")) {
                g1 = r;
            }
        }
        assertEquals(1, g1.get("members").asInt());
        assertEquals(ada.snapshot().socketId(), g1.get("socketIds").get(0).asText());
        assertEquals(1, doc.get("servers").size());
        boolean adaHasG1 = false;
        for (JsonNode s : doc.get("sockets")) {
            if (s.get("id").asText().equals(ada.snapshot().socketId())) {
                adaHasG1 = s.get("rooms").toString().contains("\"g1\"")
                        && s.get("userId").asText().equals("ada");
            }
        }
        assertTrue(adaHasG1, json.out());
    }

    @Test
    void watchStreamsChangesAsJsonLines() throws Exception {
        StringWriter out = new StringWriter();
        CliRun[] result = new CliRun[1];
        Thread watcher = new Thread(() -> result[0] = run(
                PASSWORD + "\n",
                out,
                "inspect",
                "--url",
                server.url(),
                "--username",
                "admin",
                "--password-stdin",
                "--watch",
                "--duration",
                "8s"));
        watcher.start();
        await("the first snapshot line")
                .atMost(Duration.ofSeconds(15))
                .until(() -> out.toString().contains("\"type\":\"snapshot\""));
        RealtimeClient bob = member("bob", "Bob", "g2");
        String id = bob.snapshot().socketId();
        await("room_joined g2")
                .atMost(Duration.ofSeconds(15))
                .until(() -> out.toString()
                        .lines()
                        .anyMatch(l -> l.contains("\"type\":\"room_joined\"")
                                && l.contains("\"room\":\"g2\"")
                                && l.contains(id)));
        watcher.join(20_000);
        assertEquals(0, result[0].code(), result[0].err());
        for (String line : out.toString().split("\n")) {
            ProtocolCodec.parse(line); // every line is one JSON document
        }
    }

    @Test
    void refusalsAndBadFlags() {
        CliRun wrong = run("nope-nope\n", "inspect", "--url", server.url(), "--username", "admin", "--password-stdin");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("invalid credentials"), wrong.err());
        assertEquals(2, run("", "inspect").code());
        assertEquals(
                2, run("", "inspect", "--url", server.url(), "--password-stdin").code());
        assertEquals(
                2,
                run("", "inspect", "--url", server.url(), "--namespace", "admin")
                        .code());
        CliRun noPw = run("", "inspect", "--url", server.url(), "--username", "admin", "--password-stdin");
        assertEquals(2, noPw.code());
        assertTrue(noPw.err().contains("password"), noPw.err());
    }

    @Test
    void serveAdminFlagsAreCheckedBeforeAnythingStarts() {
        CliRun orphan = run("", "serve", "--port", "0", "--admin-user", "admin");
        assertEquals(2, orphan.code());
        assertTrue(orphan.err().contains("--admin-* options need --admin"), orphan.err());
        CliRun noPassword = run("", "serve", "--port", "0", "--admin", "--admin-user", "admin");
        assertEquals(2, noPassword.code());
        assertTrue(noPassword.err().contains("needs a password"), noPassword.err());
        CliRun badMode = run("", "serve", "--port", "0", "--admin", "--admin-mode", "loud");
        assertEquals(2, badMode.code());
        CliRun badNamespace = run("", "serve", "--port", "0", "--admin", "--admin-namespace", "/");
        assertEquals(2, badNamespace.code());
    }
}
