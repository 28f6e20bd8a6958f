package io.studycollab.realtime.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.AckReply;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.client.ReconnectPolicy;
import io.studycollab.realtime.client.Transport;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** realtime-core's client against the reference server on the official socket.io 4 package. */
class ClientAgainstReferenceServerTest {

    private static NodeProcess server;
    private static SystemClock clock;
    private final List<AutoCloseable> owned = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = NodeProcess.start("server.js", "--jwt-secret", TestTokens.SECRET, "--service-key", "svc-key-123456");
        clock = new SystemClock("test-clock");
    }

    @AfterAll
    static void stopServer() {
        server.close();
        clock.close();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
    }

    private record Peer(RealtimeClient client, Recorder recorder, EventHub hub) {}

    private Peer peer(ClientOptions options) {
        EventHub hub = new EventHub();
        Recorder rec = new Recorder();
        hub.subscribe(rec);
        RealtimeClient client = new RealtimeClient(hub, clock, options);
        owned.add(hub);
        owned.add(client);
        return new Peer(client, rec, hub);
    }

    private Peer connected(String sub, String name, ClientOptions options, String url) {
        Peer p = peer(options);
        p.client().connect(url, TestTokens.token(sub, name, 3600));
        await(sub + " connected")
                .atMost(Duration.ofSeconds(15))
                .until(() -> p.client().state() == ConnectionState.CONNECTED);
        return p;
    }

    private Peer connected(String sub, String name) {
        return connected(sub, name, ClientOptions.defaults(), server.url());
    }

    @Test
    void refusalsCarryTheirCodeAndDoNotRetry() {
        Peer missing = peer(ClientOptions.defaults());
        missing.client().connect(server.url(), null);
        Peer invalid = peer(ClientOptions.defaults());
        invalid.client()
                .connect(
                        server.url(),
                        TestTokens.token(
                                "wrong-secret-that-is-long-enough-for-hs256", "u", "U", 60, null, "authenticated"));
        Peer expired = peer(ClientOptions.defaults());
        expired.client().connect(server.url(), TestTokens.token("u", "U", -10));
        Peer audience = peer(ClientOptions.defaults().withTransports(List.of(Transport.POLLING)));
        audience.client().connect(server.url(), TestTokens.token(TestTokens.SECRET, "u", "U", 60, null, "anon"));

        for (Object[] c : new Object[][] {
            {missing, "AUTH_MISSING"}, {invalid, "AUTH_INVALID"}, {expired, "AUTH_EXPIRED"}, {audience, "AUTH_INVALID"}
        }) {
            Peer p = (Peer) c[0];
            String code = (String) c[1];
            await(code).atMost(Duration.ofSeconds(15)).until(() -> p.client().state() == ConnectionState.FAILED);
            assertEquals(code, p.client().snapshot().errorCode());
            assertTrue(
                    p.client().snapshot().reason().contains(code),
                    p.client().snapshot().reason());
            assertEquals(0, p.client().snapshot().attempt(), "an auth refusal is not retried");
            // The state is read from the client; the records arrive through the hub's own thread.
            assertTrue(p.hub().awaitDispatched(Duration.ofSeconds(5)));
            EventRecord err = p.recorder().local("client:connect_error").get(0);
            assertEquals(code, err.payload().get("code").asText());
        }
    }

    @Test
    void twoClientsSeeEachOthersPresenceCursorsToolsAndCustomEvents() throws Exception {
        Peer ada = connected("ada", "Ada");
        Peer bob = connected("bob", "Bob");
        AckReply joined = ada.client().joinGroup("room-1").get(5, TimeUnit.SECONDS);
        assertTrue(joined.ok());
        assertEquals(1, joined.body().get("members").size());
        assertTrue(bob.client().joinGroup("room-1").get(5, TimeUnit.SECONDS).ok());
        await("ada sees bob join")
                .atMost(Duration.ofSeconds(15))
                .until(() -> !ada.recorder().in("user:joined").isEmpty());
        assertEquals("bob", ada.recorder().in("user:joined").get(0).userId());

        bob.client().updateCursor(10, 20);
        await("cursor")
                .atMost(Duration.ofSeconds(15))
                .until(() -> !ada.recorder().in("user:cursor:updated").isEmpty());
        JsonNode cursor = ada.recorder().in("user:cursor:updated").get(0).payload();
        assertEquals(10, cursor.get("cursor").get("x").asDouble());
        assertEquals("room-1", cursor.get("groupId").asText());

        assertTrue(bob.client().changeTool("pen").get(5, TimeUnit.SECONDS).ok());
        await("tool")
                .atMost(Duration.ofSeconds(15))
                .until(() -> !ada.recorder().in("user:tool:changed").isEmpty());
        assertEquals(
                "pen",
                ada.recorder()
                        .in("user:tool:changed")
                        .get(0)
                        .payload()
                        .get("tool")
                        .asText());

        assertTrue(bob.client()
                .updatePresence(new Payloads.PresenceUpdate(false, null, null))
                .get(5, TimeUnit.SECONDS)
                .ok());
        await("presence")
                .atMost(Duration.ofSeconds(15))
                .until(() -> !ada.recorder().in("user:presence:updated").isEmpty());
        assertFalse(ada.recorder()
                .in("user:presence:updated")
                .get(0)
                .payload()
                .get("user")
                .get("isActive")
                .asBoolean());

        AckReply emitted = bob.client()
                .emit("quiz:answer", ProtocolCodec.object().put("choice", "B"), true)
                .get(5, TimeUnit.SECONDS);
        assertTrue(emitted.ok());
        assertEquals(1, emitted.body().get("delivered").asInt());
        await("custom event")
                .atMost(Duration.ofSeconds(15))
                .until(() -> !ada.recorder().in("quiz:answer").isEmpty());
        EventRecord custom = ada.recorder().in("quiz:answer").get(0);
        assertEquals("bob", custom.userId());
        assertEquals("B", custom.payload().get("data").get("choice").asText());
        assertFalse(custom.malformed());

        AckReply presence = ada.client().requestPresence().get(5, TimeUnit.SECONDS);
        assertEquals(2, presence.body().get("members").size());
        await("group:presence event")
                .atMost(Duration.ofSeconds(15))
                .until(() -> !ada.recorder().in("group:presence").isEmpty());

        // typed listener
        List<Payloads.UserLeft> lefts = new ArrayList<>();
        ada.client().on("user:left", Payloads.UserLeft.class, l -> {
            synchronized (lefts) {
                lefts.add(l);
            }
        });
        assertTrue(bob.client().leaveGroup().get(5, TimeUnit.SECONDS).ok());
        await("bob left").atMost(Duration.ofSeconds(15)).until(() -> {
            synchronized (lefts) {
                return !lefts.isEmpty();
            }
        });
        assertEquals("left", lefts.get(0).reason());
        await("bob's group:left")
                .atMost(Duration.ofSeconds(15))
                .until(() -> bob.recorder().in("group:left").size() == 1);

        // heartbeat round trip measured
        await("rtt")
                .atMost(Duration.ofSeconds(15))
                .until(() -> ada.client().snapshot().rttMillis() >= 0);
        assertEquals("websocket", ada.client().snapshot().transport());
    }

    @Test
    void serverRefusalsAreSurfacedAsErrorsAndAcks() throws Exception {
        Peer p = connected("carol", "Carol");
        AckReply notIn = p.client().changeTool("pen").get(5, TimeUnit.SECONDS);
        assertFalse(notIn.ok());
        assertEquals("NOT_IN_GROUP", notIn.errorCode());
        AckReply raw = p.client()
                .sendRaw("cursor:update", ProtocolCodec.object().put("x", "left"), true)
                .get(5, TimeUnit.SECONDS);
        assertEquals("INVALID_PAYLOAD", raw.errorCode());
        await("connection:error recorded")
                .atMost(Duration.ofSeconds(15))
                .until(() -> p.recorder().in("connection:error").size() >= 2);

        assertTrue(p.client().joinGroup("flood").get(5, TimeUnit.SECONDS).ok());
        for (int i = 0; i < 80; i++) {
            p.client().sendRaw("tool:change", ProtocolCodec.object().put("tool", "t" + i), false);
        }
        await("RATE_LIMITED")
                .atMost(Duration.ofSeconds(15))
                .until(() -> p.recorder().in("connection:error").stream()
                        .anyMatch(r ->
                                "RATE_LIMITED".equals(r.payload().path("code").asText())));
        long rateErrors = p.recorder().in("connection:error").stream()
                .filter(r -> "RATE_LIMITED".equals(r.payload().path("code").asText()))
                .count();
        assertEquals(1, rateErrors, "at most one RATE_LIMITED per second");
        assertEquals(ConnectionState.CONNECTED, p.client().state());
    }

    @Test
    void anExpiringTokenEndsTheSessionWithoutBlindRetries() {
        Peer p = peer(ClientOptions.defaults().withTokenWarningBefore(Duration.ofSeconds(30)));
        AccessToken shortLived = TestTokens.token("dave", "Dave", 2);
        p.client().connect(server.url(), shortLived);
        await("connected").atMost(Duration.ofSeconds(15)).until(() -> p.client().state() == ConnectionState.CONNECTED);
        await("expiry warning")
                .atMost(Duration.ofSeconds(15))
                .until(() -> p.recorder().has("client:token:expiring"));
        await("expired").atMost(Duration.ofSeconds(10)).until(() -> p.client().state() == ConnectionState.DISCONNECTED);
        assertEquals("AUTH_EXPIRED", p.client().snapshot().errorCode());
        assertTrue(p.client().snapshot().reason().contains("AUTH_EXPIRED"));
        assertTrue(p.hub().awaitDispatched(Duration.ofSeconds(5)));
        assertEquals(1, p.recorder().local("connection:lost").size());
        assertEquals(
                0,
                p.recorder().local("client:state").stream()
                        .filter(r -> "RECONNECTING".equals(r.payload().get("to").asText()))
                        .count());
    }

    @Test
    void queuedEventsAreDeliveredOnceInOrderAfterTheServerRestarts() throws Exception {
        NodeProcess own = NodeProcess.start("server.js", "--jwt-secret", TestTokens.SECRET);
        int port = own.port();
        String url = own.url();
        try {
            ReconnectPolicy fast = ReconnectPolicy.defaults()
                    .withInitialDelay(Duration.ofMillis(200))
                    .withMaxDelay(Duration.ofMillis(400))
                    .withMaxAttempts(40)
                    .withJitter(0);
            ReconnectPolicy slower = ReconnectPolicy.defaults()
                    .withInitialDelay(Duration.ofMillis(2500))
                    .withMaxDelay(Duration.ofSeconds(3))
                    .withMaxAttempts(10)
                    .withJitter(0);
            Peer watcher =
                    connected("watcher", "Watcher", ClientOptions.defaults().withReconnectPolicy(fast), url);
            Peer sender = connected("sender", "Sender", ClientOptions.defaults().withReconnectPolicy(slower), url);
            assertTrue(watcher.client()
                    .joinGroup("restart")
                    .get(5, TimeUnit.SECONDS)
                    .ok());
            assertTrue(sender.client()
                    .joinGroup("restart")
                    .get(5, TimeUnit.SECONDS)
                    .ok());

            own.kill();
            await("sender offline")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> sender.client().state() == ConnectionState.RECONNECTING);
            for (int i = 0; i < 20; i++) {
                sender.client()
                        .emit(
                                "test:seq",
                                ProtocolCodec.mapper().getNodeFactory().numberNode(i),
                                false);
            }
            await("queued")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> sender.client().snapshot().queueDepth() == 20);

            own = NodeProcess.start("server.js", "--jwt-secret", TestTokens.SECRET, "--port", String.valueOf(port));
            await("watcher rejoined")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> watcher.recorder().local("client:rejoined").size() == 1);
            await("sender rejoined")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> sender.recorder().local("client:rejoined").size() == 1);
            await("all 20 delivered")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> watcher.recorder().in("test:seq").size() >= 20);
            sender.client().emit("test:end", null, false);
            await("end marker")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> !watcher.recorder().in("test:end").isEmpty());
            assertTrue(sender.hub().awaitDispatched(Duration.ofSeconds(5)));

            List<Integer> got = watcher.recorder().in("test:seq").stream()
                    .map(r -> r.payload().get("data").asInt())
                    .toList();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add(i);
            }
            assertEquals(expected, got, "exactly once, in order");
            assertEquals(0, sender.client().snapshot().queueDepth());
            assertEquals(
                    20,
                    sender.recorder()
                            .local("client:queue:flushed")
                            .get(0)
                            .payload()
                            .get("count")
                            .asInt());
            assertTrue(sender.recorder()
                    .local("client:rejoined")
                    .get(0)
                    .payload()
                    .get("ok")
                    .asBoolean());
            assertEquals("restart", sender.client().snapshot().groupId());
        } finally {
            own.close();
        }
    }

    @Test
    void malformedInboundPayloadsAreRecordedNotThrown() throws Exception {
        try (NodeProcess hostile = NodeProcess.start("hostile.js")) {
            Peer p = peer(ClientOptions.defaults());
            p.client().connect(hostile.url(), TestTokens.token("eve", "Eve", 60));
            await("burst received")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> p.recorder().has("hostile:done"));
            List<EventRecord> bad = p.recorder().where(EventRecord::malformed);
            // 11 StudyCollab events that break their contract; the 3 bare values under names the
            // contract does not know (custom:numbers, custom:array, custom:null) are "not in the contract".
            assertEquals(
                    11,
                    bad.size(),
                    () -> bad.stream()
                            .map(r -> r.name() + ": " + r.problem())
                            .toList()
                            .toString());
            EventRecord numbers = p.recorder().in("custom:numbers").get(0);
            assertEquals(42, numbers.payload().asInt(), "the raw payload is kept");
            assertFalse(numbers.malformed());
            assertEquals(EventCategory.OTHER, numbers.category());
            assertEquals(
                    200 * 1024,
                    p.recorder()
                            .in("custom:huge")
                            .get(0)
                            .payload()
                            .get("data")
                            .asText()
                            .length());
            assertEquals(ConnectionState.CONNECTED, p.client().state());
            p.client().sendRaw("hostile:again", ProtocolCodec.object(), false);
            await("second burst")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> p.recorder().in("hostile:done").size() == 2);
            assertEquals(22, p.recorder().where(EventRecord::malformed).size());
        }
    }
}
