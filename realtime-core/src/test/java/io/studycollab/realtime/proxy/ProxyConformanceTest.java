package io.studycollab.realtime.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.rules.RuleSet;
import io.studycollab.realtime.testing.ConformanceSuite;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transparency: the conformance suite of src/interop (the official socket.io-client 4 against the
 * official socket.io 4 server) passes through the proxy exactly as it does direct, over websocket
 * and over long-polling, and the proxy saw the packets while it did.
 */
class ProxyConformanceTest {

    static final String SERVICE_KEY = ConformanceSuite.SERVICE_KEY;
    static final int INACTIVITY_MS = ConformanceSuite.INACTIVITY_MS;

    private static NodeProcess server;
    private static SystemClock clock;
    private static ProxyServer proxy;
    private static final ConcurrentLinkedQueue<EventRecord> seen = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        server = NodeProcess.start(
                "server.js",
                "--jwt-secret",
                TestTokens.SECRET,
                "--service-key",
                SERVICE_KEY,
                "--inactivity-ms",
                String.valueOf(INACTIVITY_MS),
                "--sweep-ms",
                "250");
        clock = new SystemClock("proxy-test-clock");
        proxy = ProxyServer.start(ProxyConfig.of(0, URI.create(server.url())), clock, seen::add, new RuleSet());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        // all of them, including the upstream connections of every bridge
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().startsWith("proxy-worker")
                                || t.getName().startsWith("proxy-boss")
                                || t.getName().equals("proxy-records")));
        server.close();
        clock.close();
    }

    @Test
    void theSuitePassesThroughTheProxyAsItDoesDirect() throws Exception {
        NodeProcess.Result direct = ConformanceSuite.run(server.url());
        NodeProcess.Result proxied = ConformanceSuite.run(proxy.url());
        assertTrue(direct.output().contains(" passed, 0 failed"), direct.output());
        assertEquals(scenarioLines(direct.output()), scenarioLines(proxied.output()));
        assertEquals(0, proxied.exitCode(), proxied.output());
        // the proxy decoded what went through, both ways, on both transports
        assertTrue(seen.stream()
                .anyMatch(r ->
                        r.name().equals("user:cursor:updated") && r.packet().connection() != null));
        assertTrue(seen.stream().anyMatch(r -> r.name().equals("cursor:update")));
        assertTrue(seen.stream()
                .anyMatch(r -> r.name().equals(PacketRecords.CONNECTION)
                        && r.payload().path("transport").asText().equals("polling")));
        assertTrue(seen.stream()
                .noneMatch(r -> r.payload() != null && r.payload().toString().contains(TestTokens.SECRET)));
        assertTrue(seen.stream()
                .filter(r -> r.name().equals(PacketRecords.SIO_CONNECT) && r.direction() == Direction.OUT)
                .allMatch(r -> r.payload() == null
                        || !r.payload().has("token")
                        || r.payload().get("token").asText().equals("[REDACTED]")));
    }

    @Test
    void binaryNamespacesHeadersPingsUpgradeAndPlainHttpPassAsDirect() throws Exception {
        List<EventRecord> before = List.copyOf(seen);
        try (NodeProcess peers = NodeProcess.start("proxy-peers.js", "serve");
                ProxyServer front = ProxyServer.start(
                        ProxyConfig.of(0, URI.create(peers.url())), clock, seen::add, new RuleSet())) {
            NodeProcess.Result direct = NodeProcess.run(
                    NodeProcess.interopDir(), 120, "node", "proxy-peers.js", "check", "--url", peers.url());
            NodeProcess.Result proxied = NodeProcess.run(
                    NodeProcess.interopDir(), 120, "node", "proxy-peers.js", "check", "--url", front.url());
            System.out.println(proxied.output());
            assertTrue(direct.output().contains(" passed, 0 failed"), direct.output());
            assertEquals(scenarioLines(direct.output()), scenarioLines(proxied.output()));
            assertEquals(0, proxied.exitCode(), proxied.output());
        }
        List<EventRecord> mine = seen.stream().filter(r -> !before.contains(r)).toList();
        // binary attachments are shown as binary, other namespaces and multi-argument events are kept apart
        assertTrue(mine.stream()
                .anyMatch(r ->
                        r.name().equals("digest") && r.payload().path("_binary").asInt() == 4096));
        assertTrue(mine.stream().anyMatch(r -> "/admin".equals(r.packet().namespace())));
        assertTrue(mine.stream()
                .anyMatch(r -> r.name().equals("echo")
                        && r.packet().argCount() == 4
                        && r.packet().ackId() >= 0));
        assertTrue(mine.stream()
                .anyMatch(r -> r.name().equals(PacketRecords.CONNECTION)
                        && r.payload().path("state").asText().equals("upgrade")));
        assertTrue(mine.stream()
                .noneMatch(r -> r.payload() != null && r.payload().toString().contains("not-a-secret-just-a-marker")));
    }

    private static List<String> scenarioLines(String output) {
        return output.lines()
                .filter(l -> l.startsWith("ok ") || l.startsWith("not ok ") || l.startsWith("conformance:"))
                .toList();
    }
}
