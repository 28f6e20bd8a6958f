package io.studycollab.realtime.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.rules.RuleSet;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionCodec;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionWriter;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real browser through the proxy: the mini StudyCollab page of src/interop/web (browser build
 * of socket.io-client) in headless Chromium (Debian's chromium, driven by playwright-core) joins a
 * group through the proxy; its cursor moves reach a member on the official Node client and show in
 * the proxy's recording, in the browser's own lane.
 */
class BrowserThroughProxyTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void aBrowserPageWorksThroughTheProxyAndItsCursorIsRecorded(@TempDir Path dir) throws Exception {
        assertTrue(
                Files.isExecutable(CHROMIUM),
                "headless Chromium is needed: apt-get install -y chromium (.ci/run does)");
        Path file = dir.resolve("browser.jsonl");
        try (NodeProcess server = NodeProcess.start(
                        "server.js", "--jwt-secret", TestTokens.SECRET, "--service-key", "svc-key-123456");
                NodeProcess web = NodeProcess.start("static-server.js");
                SystemClock clock = new SystemClock("browser-test-clock");
                EventHub hub = new EventHub("browser-test-hub");
                SessionWriter writer = new SessionWriter(
                        file, SessionHeader.of("test", server.url(), null, null, "now"), new Redactor());
                ProxyServer proxy = ProxyServer.start(
                        ProxyConfig.of(0, URI.create(server.url())), clock, hub::publish, new RuleSet());
                NodeMembers members = new NodeMembers(proxy.url())) {
            hub.subscribe(writer);
            NodeMembers.Member bob = members.join("bob", "Bob", "websocket", "demo");

            ProcessBuilder pb = new ProcessBuilder(
                            "node",
                            "browser-check.js",
                            "--page",
                            web.url(),
                            "--server",
                            proxy.url(),
                            "--group",
                            "demo",
                            "--moves",
                            "15")
                    .directory(NodeProcess.interopDir().toFile())
                    .redirectErrorStream(true);
            pb.environment()
                    .put(
                            "BROWSER_TOKEN",
                            TestTokens.token("browser-1", "Browser", 3600).reveal());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
            System.out.println(out);
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("\"transport\":\"websocket\""), "the page upgraded through the proxy: " + out);

            JsonNode moved = bob.await(
                    "the browser's cursor",
                    l -> l.path("event").asText().equals("user:cursor:updated")
                            && l.path("args").get(0).path("userId").asText().equals("browser-1"));
            assertTrue(moved.path("args").get(0).path("cursor").path("x").isNumber());

            hub.awaitDispatched(Duration.ofSeconds(5));
            writer.close();
            List<EventRecord> recorded = Files.readAllLines(file).stream()
                    .skip(1)
                    .map(SessionCodec::fromLine)
                    .toList();
            String browserConn = recorded.stream()
                    .filter(r -> r.direction() == Direction.OUT
                            && r.name().equals("cursor:update")
                            && "browser-1".equals(r.userId()))
                    .map(r -> r.packet().connection())
                    .findFirst()
                    .orElseThrow();
            assertTrue(recorded.stream()
                            .filter(r -> r.name().equals("cursor:update")
                                    && browserConn.equals(r.packet().connection()))
                            .count()
                    >= 5);
            assertTrue(
                    recorded.stream()
                            .anyMatch(r -> r.direction() == Direction.IN
                                    && r.name().equals("user:cursor:updated")
                                    && "browser-1".equals(r.userId())
                                    && !browserConn.equals(r.packet().connection())),
                    "Bob's lane shows the copy");
            assertTrue(Files.readString(file)
                    .lines()
                    .noneMatch(l -> l.contains(TestTokens.token("browser-1", "Browser", 3600)
                            .reveal()
                            .substring(0, 30))));
        }
    }
}
