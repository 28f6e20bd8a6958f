package io.studycollab.realtime.qa.netsim;

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
import io.studycollab.realtime.testing.Await;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
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
        Await.until(
                "both connected",
                () -> viaProxy.state() == ConnectionState.CONNECTED && watcher.state() == ConnectionState.CONNECTED);
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
        List<String> changes = new CopyOnWriteArrayList<>();
        proxy.onChange(p -> changes.add(p.describe()));
        proxy.set(new NetworkProfile.Offline());
        Await.until("the client notices", () -> viaProxy.state() == ConnectionState.RECONNECTING);
        for (int i = 0; i < 100; i++) {
            viaProxy.emit("test:seq", ProtocolCodec.mapper().getNodeFactory().numberNode(i), false);
        }
        Await.until("queued", () -> viaProxy.snapshot().queueDepth() == 100);
        long cutAt = System.nanoTime();
        Await.until(
                "ten seconds offline",
                Duration.ofSeconds(12),
                () -> System.nanoTime() - cutAt >= TimeUnit.SECONDS.toNanos(10));
        assertTrue(
                viaProxy.state() == ConnectionState.RECONNECTING,
                "still retrying: " + viaProxy.snapshot().reason());
        proxy.set(new NetworkProfile.Normal());
        Await.until(
                () -> "all 100 delivered: " + viaProxy.snapshot() + " watched " + watched.size(),
                Duration.ofSeconds(15),
                () -> watched.size() >= 100);
        viaProxy.emit("test:seq", ProtocolCodec.mapper().getNodeFactory().numberNode(100), false);
        Await.until("the marker after them", () -> watched.size() == 101);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            expected.add(i);
        }
        assertEquals(
                expected,
                watched.stream().map(r -> r.payload().get("data").asInt()).toList(),
                "once each, in order");
        assertEquals(List.of("offline", "normal"), changes);
        assertEquals("netsim", viaProxy.snapshot().groupId(), "group rejoined");
    }

    @Test
    void aStallIsSeenAsMissedHeartbeatsAndHeldDataFlowsAfterwards() throws Exception {
        Await.until("measured", () -> viaProxy.snapshot().rttMillis() >= 0);
        proxy.set(new NetworkProfile.Stall());
        viaProxy.emit("test:seq", ProtocolCodec.mapper().getNodeFactory().numberNode(1), false);
        Await.until(
                "heartbeats missed",
                Duration.ofSeconds(5),
                () -> viaProxy.snapshot().quality() == ConnectionQuality.POOR);
        assertEquals(ConnectionState.CONNECTED, viaProxy.state(), "a stall closes nothing");
        assertTrue(watched.isEmpty(), "nothing forwarded while stalled");
        proxy.set(new NetworkProfile.Normal());
        Await.until("held event delivered", () -> watched.size() == 1);
    }

    @Test
    void latencyShowsInTheRoundTripAndFlakyCutsAreReconnected() throws Exception {
        proxy.set(new NetworkProfile.Latency(Duration.ofMillis(300), Duration.ZERO));
        Await.until(
                "round trip reflects 2 x 300 ms",
                Duration.ofSeconds(10),
                () -> viaProxy.snapshot().rttMillis() >= 550);
        proxy.set(new NetworkProfile.Normal());
        long before = proxy.cuts();
        List<EventRecord> lost = new CopyOnWriteArrayList<>();
        viaProxy.on("connection:lost", lost::add);
        proxy.set(new NetworkProfile.Flaky(Duration.ofMillis(1500)));
        Await.until(
                "two cuts, each reconnected",
                Duration.ofSeconds(15),
                () -> lost.size() >= 2 && viaProxy.state() == ConnectionState.CONNECTED);
        proxy.set(new NetworkProfile.Normal());
        assertTrue(proxy.cuts() - before >= 2);
        Await.until(
                "back in the group",
                () -> "netsim".equals(viaProxy.snapshot().groupId()) && viaProxy.state() == ConnectionState.CONNECTED);
    }
}
