package io.studycollab.realtime.server.swarm;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.qa.swarm.Swarm;
import io.studycollab.realtime.qa.swarm.SwarmBehaviour;
import io.studycollab.realtime.qa.swarm.SwarmDelivery;
import io.studycollab.realtime.qa.swarm.SwarmShape;
import io.studycollab.realtime.qa.swarm.SwarmStats;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A swarm of a few hundred users against our server in this JVM: every user connects with a token
 * of its own, joins its group and is seen moving by the others, on a handful of shared threads;
 * closing the swarm leaves none of them behind. Correctness only: how fast is bench/swarm.sh's.
 */
class SwarmAtScaleTest {

    private static final int USERS = 300;
    private static StudyCollabServer server;
    private static TokenMinter minter;

    @BeforeAll
    static void startServer() throws Exception {
        ServerConfig config = ServerConfig.defaults(TestTokens.SECRET, "swarm-key");
        server = StudyCollabServer.start(config);
        minter = new TokenMinter(config.jwtSecret(), config.audience());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Threads of the client side: the swarm's own, socket.io's event thread, engine.io's heartbeats and OkHttp's. */
    private static List<String> clientThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !before.contains(t))
                .map(Thread::getName)
                .filter(n -> n.startsWith("swarm")
                        || n.startsWith("EventThread")
                        || n.startsWith("engine.io-client")
                        || n.startsWith("OkHttp"))
                .sorted()
                .toList();
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    @Test
    void hundredsOfUsersJoinAndMoveOnAFewSharedThreadsAndCloseLeavesNone() {
        Set<Thread> before = liveThreads();
        int[] threadsWhileRunning = new int[1];
        try (SystemClock clock = new SystemClock("swarm-test-clock");
                Swarm swarm = Swarm.start(
                        i -> server.url(),
                        USERS,
                        i -> minter.mint("swarm-" + i, "Swarm " + i, null, null, Duration.ofMinutes(10)),
                        "scale",
                        SwarmBehaviour.WANDER,
                        1,
                        clock,
                        ClientOptions.defaults(),
                        new SwarmShape(3, 200, 1))) {
            await("all joined").atMost(Duration.ofSeconds(180)).until(() -> swarm.joined() == USERS);
            await("every user seen moving by its group")
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> swarm.seenMoving() == USERS);
            SwarmStats stats = swarm.stats();
            assertEquals(USERS, stats.connected(), () -> "connected: " + stats);
            assertEquals(0, stats.failedToConnect(), () -> "failed: " + stats);
            SwarmDelivery d = swarm.delivery();
            assertTrue(d.delivered() > 0 && d.expected() > 0, () -> "delivery: " + d);
            List<String> threads = clientThreads(before);
            threadsWhileRunning[0] = threads.size();
            // OkHttp's websockets would add two per user and engine.io a heartbeat thread each (900 here): a handful
            // means shared threads.
            assertTrue(
                    threads.size() <= 8, () -> threads.size() + " client threads for " + USERS + " users: " + threads);
        }
        await("the swarm's threads end with it")
                .atMost(Duration.ofSeconds(20))
                .until(() -> clientThreads(before).isEmpty());
        assertTrue(threadsWhileRunning[0] > 0, "the client threads were seen while running");
    }
}
