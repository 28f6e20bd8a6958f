package io.studycollab.realtime.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.proxy.breakpoint.Breakpoint;
import io.studycollab.realtime.proxy.breakpoint.PausedPacket;
import io.studycollab.realtime.proxy.rules.PacketMatch;
import io.studycollab.realtime.proxy.rules.RuleSet;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Breakpoints and inject end to end: two members on the official socket.io-client (Ada over
 * websocket, Bob over long-polling) through the proxy to the official-socket.io reference server.
 * The proxy's clock is a ManualClock, so the auto-release is driven by the test, not by waiting.
 */
class BreakpointAndInjectTest {

    private NodeProcess server;
    private ProxyServer proxy;
    private final ManualClock clock = new ManualClock();
    private final ConcurrentLinkedQueue<EventRecord> records = new ConcurrentLinkedQueue<>();
    private NodeMember ada;
    private NodeMember bob;

    @BeforeEach
    void start() throws Exception {
        // short pings: a held lane must not stop them, or the held connection would die
        server = NodeProcess.start(
                "server.js",
                "--jwt-secret",
                TestTokens.SECRET,
                "--service-key",
                "svc-key-123456",
                "--ping-interval",
                "1000",
                "--ping-timeout",
                "2000");
        proxy = ProxyServer.start(
                ProxyConfig.of(0, URI.create(server.url())).withAutoRelease(Duration.ofSeconds(30)),
                clock,
                records::add,
                new RuleSet());
        ada = NodeMember.connect(
                proxy.url(), TestTokens.token("ada", "Ada", 3600).reveal(), "websocket");
        bob = NodeMember.connect(
                proxy.url(), TestTokens.token("bob", "Bob", 3600).reveal(), "polling");
        assertTrue(ada.ackOf(ada.emit("group:join", obj("{\"groupId\":\"bp\"}"), true))
                .path("args")
                .get(0)
                .path("ok")
                .asBoolean());
        assertTrue(bob.ackOf(bob.emit("group:join", obj("{\"groupId\":\"bp\"}"), true))
                .path("args")
                .get(0)
                .path("ok")
                .asBoolean());
        ada.await("bob joined", l -> l.path("event").asText().equals("user:joined"));
    }

    @AfterEach
    void stop() {
        ada.close();
        bob.close();
        proxy.close();
        server.close();
    }

    @Test
    void aPausedPacketHoldsItsLaneKeepsPingsGoingAndIsForwardedEdited() {
        Breakpoint b = proxy.breakpoints()
                .add(PacketMatch.name("tool:*").withFlow(Flow.UP).withUser("bob"));
        int toolAck = bob.emit("tool:change", obj("{\"tool\":\"pen\"}"), true);
        PausedPacket paused = awaitPaused();
        assertEquals("tool:change", paused.view().name());
        assertEquals("bob", paused.connection().userId());
        bob.emit("cursor:update", obj("{\"x\":5,\"y\":6}"), false); // waits behind the paused packet
        // longer than pingInterval + pingTimeout: pings flow while the lane is held, nothing else passes
        Awaitility.await()
                .during(Duration.ofMillis(3500))
                .atMost(Duration.ofSeconds(8))
                .until(() -> ada.events("user:tool:changed").isEmpty()
                        && ada.events("user:cursor:updated").isEmpty());
        assertTrue(ada.first(l -> l.path("type").asText().equals("disconnect")) == null);
        assertTrue(bob.first(l -> l.path("type").asText().equals("disconnect")) == null);

        assertThrows(IllegalArgumentException.class, () -> paused.forwardEdited("{not json"));
        assertThrows(IllegalArgumentException.class, () -> paused.forwardEdited("{\"tool\":\"x\"}"));
        assertTrue(paused.forwardEdited("[\"tool:change\",{\"tool\":\"eraser\"}]"));
        JsonNode tool = ada.await("tool", l -> l.path("event").asText().equals("user:tool:changed"));
        assertEquals("eraser", tool.path("args").get(0).path("tool").asText());
        ada.await("cursor after it", l -> l.path("event").asText().equals("user:cursor:updated"));
        assertTrue(bob.ackOf(toolAck).path("args").get(0).path("ok").asBoolean());
        assertTrue(records.stream()
                .anyMatch(r -> r.name().equals(PacketRecords.BREAKPOINT)
                        && r.payload().path("action").asText().equals("edited")));
        proxy.breakpoints().remove(b);
    }

    @Test
    void dropAndAutoReleaseOnTheDownDirectionOverPolling() {
        proxy.breakpoints()
                .add(PacketMatch.name("user:tool:changed").withFlow(Flow.DOWN).withUser("bob"));
        ada.emit("tool:change", obj("{\"tool\":\"one\"}"), false);
        PausedPacket first = awaitPaused();
        assertEquals(Flow.DOWN, first.flow());
        assertTrue(first.drop());
        assertFalse(first.forward()); // resolved once only
        ada.emit("tool:change", obj("{\"tool\":\"two\"}"), false);
        PausedPacket second = awaitPaused();
        assertTrue(bob.events("user:tool:changed").isEmpty());
        clock.advance(Duration.ofSeconds(31)); // the auto-release forwards it unchanged
        JsonNode got = bob.await("released", l -> l.path("event").asText().equals("user:tool:changed"));
        assertEquals("two", got.path("args").get(0).path("tool").asText());
        assertEquals(1, bob.events("user:tool:changed").size()); // "one" was dropped
        assertTrue(second.isResolved());
        assertTrue(records.stream()
                .anyMatch(r -> r.name().equals(PacketRecords.BREAKPOINT)
                        && r.payload().path("action").asText().equals("auto_released")));
    }

    @Test
    void injectDownToOneConnectionAndUpFromAnotherWithAcks() throws Exception {
        ProxyConnection adaConn = connOf("ada");
        ProxyConnection bobConn = connOf("bob");
        CompletableFuture<JsonNode> down =
                proxy.injector().inject(adaConn, Flow.DOWN, "/", "quiz:question", List.of(obj("{\"q\":1}")), true);
        JsonNode seen = ada.await("injected down", l -> l.path("event").asText().equals("quiz:question"));
        assertEquals(1, seen.path("args").get(0).path("q").asInt());
        assertEquals(
                "{\"ok\":true,\"echo\":{\"q\":1}}",
                ProtocolCodec.write(down.get(10, TimeUnit.SECONDS).get(0)));
        assertTrue(bob.events("quiz:question").isEmpty());

        CompletableFuture<JsonNode> up = proxy.injector()
                .inject(bobConn, Flow.UP, "/", "tool:change", List.of(obj("{\"tool\":\"marker\"}")), true);
        assertTrue(up.get(10, TimeUnit.SECONDS).get(0).path("ok").asBoolean()); // the server's ack, to us
        JsonNode fanned = ada.await("fanned out", l -> l.path("event").asText().equals("user:tool:changed"));
        assertEquals("bob", fanned.path("args").get(0).path("userId").asText());
        assertTrue(bob.first(l -> l.path("type").asText().equals("ack")) == null
                || bob.first(l -> l.path("type").asText().equals("ack"))
                                .path("id")
                                .asInt()
                        <= 1);
        // Bob's own client keeps working after the injection
        assertTrue(bob.ackOf(bob.emit("heartbeat", obj("{\"ts\":1}"), true))
                .path("args")
                .get(0)
                .path("ok")
                .asBoolean());
    }

    private ProxyConnection connOf(String user) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> proxy.connections().live().stream().anyMatch(c -> user.equals(c.userId())));
        return proxy.connections().live().stream()
                .filter(c -> user.equals(c.userId()))
                .findFirst()
                .orElseThrow();
    }

    private PausedPacket awaitPaused() {
        Awaitility.await("a paused packet")
                .atMost(Duration.ofSeconds(10))
                .until(() -> !proxy.breakpoints().paused().isEmpty());
        return proxy.breakpoints().paused().get(0);
    }

    static JsonNode obj(String json) {
        try {
            return ProtocolCodec.parse(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
