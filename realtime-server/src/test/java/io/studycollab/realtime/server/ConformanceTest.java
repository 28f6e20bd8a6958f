package io.studycollab.realtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Node conformance suite (official socket.io-client 4) against our netty-socketio server and
 * against the reference server on the official socket.io package: both held to one behaviour.
 */
class ConformanceTest {

    static final String SERVICE_KEY = "conformance-service-key";
    static final int INACTIVITY_MS = 1500;

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

    private static void assertAllPassed(NodeProcess.Result r) {
        assertTrue(r.output().contains(" passed, 0 failed"), r.output());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void ourServerPassesTheSuite() throws Exception {
        ServerConfig config = ServerConfig.defaults(TestTokens.SECRET, SERVICE_KEY)
                .withInactivity(Duration.ofMillis(INACTIVITY_MS), Duration.ofMillis(250));
        try (StudyCollabServer server = StudyCollabServer.start(config)) {
            assertAllPassed(conformance(server.url()));
        }
    }

    @Test
    void theReferenceServerPassesTheSameSuite() throws Exception {
        try (NodeProcess node = NodeProcess.start(
                "server.js",
                "--jwt-secret",
                TestTokens.SECRET,
                "--service-key",
                SERVICE_KEY,
                "--inactivity-ms",
                String.valueOf(INACTIVITY_MS),
                "--sweep-ms",
                "250")) {
            assertAllPassed(conformance(node.url()));
        }
    }
}
