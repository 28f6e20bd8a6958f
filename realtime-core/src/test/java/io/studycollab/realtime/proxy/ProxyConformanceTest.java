package io.studycollab.realtime.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.rules.RuleSet;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.net.URI;
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

    static final String SERVICE_KEY = "conformance-service-key";
    static final int INACTIVITY_MS = 1500;

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
        server.close();
        clock.close();
    }

    private static NodeProcess.Result conformance(String url) throws Exception {
        NodeProcess.Result r = NodeProcess.run(
                NodeProcess.interopDir(),
                240,
                "node",
                "conformance.js",
                "--url",
                url,
                "--secret",
                TestTokens.SECRET,
                "--service-key",
                SERVICE_KEY,
                "--inactivity-ms",
                String.valueOf(INACTIVITY_MS));
        System.out.println(r.output());
        return r;
    }

    @Test
    void theSuitePassesThroughTheProxyAsItDoesDirect() throws Exception {
        NodeProcess.Result direct = conformance(server.url());
        NodeProcess.Result proxied = conformance(proxy.url());
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
                .filter(r -> r.name().equals(PacketRecords.SIO_CONNECT)
                        && r.direction() == io.studycollab.realtime.events.Direction.OUT)
                .allMatch(r -> !r.payload().has("token")
                        || r.payload().get("token").asText().equals("[REDACTED]")));
    }

    private static List<String> scenarioLines(String output) {
        return output.lines()
                .filter(l -> l.startsWith("ok ") || l.startsWith("not ok ") || l.startsWith("conformance:"))
                .toList();
    }
}
