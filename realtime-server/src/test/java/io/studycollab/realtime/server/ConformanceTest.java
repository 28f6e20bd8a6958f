package io.studycollab.realtime.server;

import io.studycollab.realtime.testing.ConformanceSuite;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Node conformance suite (official socket.io-client 4) against our netty-socketio server and
 * against the reference server on the official socket.io package: both held to one behaviour.
 */
class ConformanceTest {

    static final String SERVICE_KEY = ConformanceSuite.SERVICE_KEY;
    static final int INACTIVITY_MS = ConformanceSuite.INACTIVITY_MS;

    @Test
    void ourServerPassesTheSuite() throws Exception {
        ServerConfig config = ServerConfig.defaults(TestTokens.SECRET, SERVICE_KEY)
                .withInactivity(Duration.ofMillis(INACTIVITY_MS), Duration.ofMillis(250));
        try (StudyCollabServer server = StudyCollabServer.start(config)) {
            ConformanceSuite.assertAllPassed(ConformanceSuite.run(server.url()));
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
            ConformanceSuite.assertAllPassed(ConformanceSuite.run(node.url()));
        }
    }
}
