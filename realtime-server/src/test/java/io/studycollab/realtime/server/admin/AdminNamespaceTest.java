package io.studycollab.realtime.server.admin;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.admin.AdminClient;
import io.studycollab.realtime.admin.AdminOptions;
import io.studycollab.realtime.admin.AdminScenarioTests;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our server's admin namespace, checked by the same scenarios as the official package on Node. */
class AdminNamespaceTest extends AdminScenarioTests {

    private static StudyCollabServer server;
    private static StudyCollabServer plain;
    private static SystemClock clock;

    @BeforeAll
    static void start() throws Exception {
        ServerConfig config = ServerConfig.defaults(TestTokens.SECRET, "svc-key-123456");
        server = StudyCollabServer.start(config, AdminConfig.open().withCredentials("admin", PASSWORD));
        plain = StudyCollabServer.start(config);
        clock = new SystemClock("admin-ns-test-clock");
    }

    @AfterAll
    static void stop() {
        server.close();
        plain.close();
        clock.close();
    }

    @Override
    protected String url() {
        return server.url();
    }

    @Override
    protected SystemClock clock() {
        return clock;
    }

    @Override
    protected boolean reportsSentEvents() {
        return false;
    }

    @Test
    void offByDefault() {
        try (AdminClient a = new AdminClient(AdminOptions.defaults(), clock)) {
            // netty-socketio leaves a CONNECT to a namespace it does not have unanswered: no snapshot, ever
            Exception e =
                    assertThrows(Exception.class, () -> a.connect(plain.url()).get(5, TimeUnit.SECONDS));
            assertTrue(e instanceof ExecutionException || e instanceof TimeoutException, e.toString());
        }
    }
}
