package io.studycollab.realtime.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.server.bots.SandboxBots;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The embeddable sandbox: our client sees the bots live, and closing leaves no thread or port behind. */
class SandboxLifecycleTest {

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    @Test
    void botsLookAliveAndEverythingStopsCleanly() throws Exception {
        Set<Thread> before = liveThreads();
        ServerConfig config = ServerConfig.defaults(TestTokens.SECRET, "sandbox-key");
        int port;
        try (StudyCollabServer server = StudyCollabServer.start(config);
                SandboxBots bots = SandboxBots.start(
                        server.url(), new TokenMinter(config.jwtSecret(), config.audience()), "demo", 3);
                SystemClock clock = new SystemClock("test-clock");
                EventHub hub = new EventHub()) {
            port = server.port();
            assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
            PresenceTracker presence = new PresenceTracker();
            hub.subscribe(presence);
            try (RealtimeClient me = new RealtimeClient(hub, clock, ClientOptions.defaults())) {
                me.connect(server.url(), TestTokens.token("me", "Me", 600));
                await("connected").atMost(Duration.ofSeconds(15)).until(() -> me.state() == ConnectionState.CONNECTED);
                await("bots connected").atMost(Duration.ofSeconds(15)).until(() -> bots.connected() == 3);
                assertTrue(me.joinGroup("demo").get(5, TimeUnit.SECONDS).ok());
                await("three bots and me")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> presence.snapshot().members().size() == 4);
                await("bot cursors move")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> presence.snapshot().members().stream()
                                        .filter(m -> m.userId().startsWith("bot-") && m.cursor() != null)
                                        .count()
                                == 3);
                List<String> names = presence.snapshot().members().stream()
                        .map(Member::displayName)
                        .toList();
                assertTrue(names.containsAll(List.of("Ada Lovelace", "Grace Hopper", "Alan Turing")), names.toString());
                HttpResponse<String> health = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(server.url() + "/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode());
                assertTrue(health.body().contains("\"connections\":4"), health.body());
            }
        }
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, s.getLocalPort(), "the port is free again");
        }
        await().atMost(Duration.ofSeconds(15))
                .pollInSameThread() // a poller thread of Awaitility's own would count as left over
                .untilAsserted(() -> assertEquals(List.of(), leftovers(before), "threads to stop"));
    }

    private static List<String> leftovers(Set<Thread> before) {
        return liveThreads().stream()
                .filter(t -> !before.contains(t))
                // JDK HttpClient's selector manager belongs to the JDK client used above and ends on GC only.
                .filter(t -> !t.getName().startsWith("HttpClient-"))
                // okio's JVM-wide timeout watchdog is shared by every OkHttp user and exits after 60 s idle.
                .filter(t -> !t.getName().equals("Okio Watchdog"))
                // OkHttp 3's static, JVM-wide cleanup executor keeps an idle worker 60 s after its task ended.
                .filter(t -> !t.getName().equals("OkHttp ConnectionPool"))
                .map(Thread::getName)
                .sorted()
                .toList();
    }
}
