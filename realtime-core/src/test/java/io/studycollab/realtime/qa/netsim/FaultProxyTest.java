package io.studycollab.realtime.qa.netsim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionQuality;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.client.ReconnectPolicy;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.ManualClock;
import io.studycollab.realtime.time.SystemClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each network profile's effect on the client's state machine, queue and quality, through a real server. */
class FaultProxyTest {

    private static NodeProcess server;
    private static SystemClock clock;
    private FaultProxy proxy;
    private EventHub hub;
    private RealtimeClient viaProxy;
    private RealtimeClient watcher;
    private final List<EventRecord> watched = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = NodeProcess.start("server.js", "--jwt-secret", TestTokens.SECRET);
        clock = new SystemClock("netsim-test");
    }

    @AfterAll
    static void stopServer() {
        server.close();
        clock.close();
    }

    @BeforeEach
    void connect() throws Exception {
        proxy = FaultProxy.start("127.0.0.1", server.port());
        hub = new EventHub();
        ClientOptions options = ClientOptions.defaults()
                .withHeartbeatInterval(Duration.ofMillis(300))
                .withReconnectPolicy(ReconnectPolicy.defaults()
                        .withInitialDelay(Duration.ofMillis(300))
                        .withMaxDelay(Duration.ofSeconds(1))
                        .withMaxAttempts(60)
                        .withJitter(0));
        viaProxy = new RealtimeClient(hub, clock, options);
        watcher = new RealtimeClient(hub, clock, ClientOptions.defaults());
        watcher.on("test:seq", watched::add);
        viaProxy.connect(proxy.url(), TestTokens.token("sender", "Sender", 600));
        watcher.connect(server.url(), TestTokens.token("watcher", "Watcher", 600));
        await("both connected")
                .atMost(Duration.ofSeconds(15))
                .until(() ->
                        viaProxy.state() == ConnectionState.CONNECTED && watcher.state() == ConnectionState.CONNECTED);
        assertTrue(watcher.joinGroup("netsim").get(5, TimeUnit.SECONDS).ok());
        assertTrue(viaProxy.joinGroup("netsim").get(5, TimeUnit.SECONDS).ok());
    }

    @AfterEach
    void close() {
        viaProxy.close();
        watcher.close();
        proxy.close();
        hub.close();
    }

    @Test
    void aTenSecondCutWithAHundredQueuedEventsDeliversThemOnceInOrder() throws Exception {
        // The client's time (retries, flush pacing, heartbeats) is a ManualClock: the ten seconds
        // offline pass in steps, not on the wall clock; the network and the server stay real.
        ManualClock manual = new ManualClock();
        List<String> changes = new CopyOnWriteArrayList<>();
        viaProxy.close(); // only the client on manual time sends here (and, in the group, would see it all)
        try (RealtimeClient offline = new RealtimeClient(hub, manual, viaProxy.options())) {
            offline.connect(proxy.url(), TestTokens.token("offline", "Offline", 600));
            await("connected on manual time").until(() -> offline.state() == ConnectionState.CONNECTED);
            assertTrue(offline.joinGroup("netsim").get(5, TimeUnit.SECONDS).ok());
            proxy.onChange(p -> changes.add(p.describe()));
            proxy.set(new NetworkProfile.Offline());
            await("the client notices").until(() -> offline.state() == ConnectionState.RECONNECTING);
            for (int i = 0; i < 100; i++) {
                offline.emit("test:seq", ProtocolCodec.mapper().getNodeFactory().numberNode(i), false);
            }
            await("queued").until(() -> offline.snapshot().queueDepth() == 100);
            for (int step = 0; step < 100; step++) {
                manual.advance(Duration.ofMillis(100)); // ten seconds offline, retries falling due
            }
            assertEquals(
                    ConnectionState.RECONNECTING,
                    offline.state(),
                    "still retrying: " + offline.snapshot().reason());
            assertEquals(100, offline.snapshot().queueDepth(), "all still queued");
            proxy.set(new NetworkProfile.Normal());
            await("all 100 delivered")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        // No faster than the wall clock from here: the server's rate limit runs on it.
                        manual.advance(Duration.ofMillis(20)); // the next retry, then the paced flush
                        return watched.size() >= 100;
                    });
            offline.emit("test:seq", ProtocolCodec.mapper().getNodeFactory().numberNode(100), false);
            await("the marker after them").pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                manual.advance(Duration.ofMillis(20)); // the flush ends on the client's clock too
                assertEquals(101, watched.size(), () -> offline.snapshot() + " " + watched.size());
            });
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i <= 100; i++) {
                expected.add(i);
            }
            assertEquals(
                    expected,
                    watched.stream().map(r -> r.payload().get("data").asInt()).toList(),
                    "once each, in order");
            assertEquals(List.of("offline", "normal"), changes);
            assertEquals("netsim", offline.snapshot().groupId(), "group rejoined");
        }
    }

    @Test
    void aStallIsSeenAsMissedHeartbeatsAndHeldDataFlowsAfterwards() throws Exception {
        await("measured")
                .atMost(Duration.ofSeconds(15))
                .until(() -> viaProxy.snapshot().rttMillis() >= 0);
        proxy.set(new NetworkProfile.Stall());
        viaProxy.emit("test:seq", ProtocolCodec.mapper().getNodeFactory().numberNode(1), false);
        await("heartbeats missed")
                .atMost(Duration.ofSeconds(5))
                .until(() -> viaProxy.snapshot().quality() == ConnectionQuality.POOR);
        assertEquals(ConnectionState.CONNECTED, viaProxy.state(), "a stall closes nothing");
        assertTrue(watched.isEmpty(), "nothing forwarded while stalled");
        proxy.set(new NetworkProfile.Normal());
        await("held event delivered").atMost(Duration.ofSeconds(15)).until(() -> watched.size() == 1);
    }

    @Test
    void latencyShowsInTheRoundTripAndFlakyCutsAreReconnected() throws Exception {
        proxy.set(new NetworkProfile.Latency(Duration.ofMillis(300), Duration.ZERO));
        await("round trip reflects 2 x 300 ms")
                .atMost(Duration.ofSeconds(10))
                .until(() -> viaProxy.snapshot().rttMillis() >= 550);
        proxy.set(new NetworkProfile.Normal());
        long before = proxy.cuts();
        List<EventRecord> lost = new CopyOnWriteArrayList<>();
        viaProxy.on("connection:lost", lost::add);
        proxy.set(new NetworkProfile.Flaky(Duration.ofMillis(1500)));
        await("two cuts, each reconnected")
                .atMost(Duration.ofSeconds(15))
                .until(() -> lost.size() >= 2 && viaProxy.state() == ConnectionState.CONNECTED);
        proxy.set(new NetworkProfile.Normal());
        assertTrue(proxy.cuts() - before >= 2);
        await("back in the group")
                .atMost(Duration.ofSeconds(15))
                .until(() -> "netsim".equals(viaProxy.snapshot().groupId())
                        && viaProxy.state() == ConnectionState.CONNECTED);
    }
}
