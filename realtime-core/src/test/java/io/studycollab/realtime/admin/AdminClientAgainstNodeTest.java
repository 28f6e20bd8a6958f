package io.studycollab.realtime.admin;

import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin client against the official {@code @socket.io/admin-ui} package on the Node reference server. */
class AdminClientAgainstNodeTest {

    private static final String PASSWORD = "admin-pw-" + Long.toHexString(System.nanoTime());
    private static final AdminOptions OPTIONS = AdminOptions.defaults()
            .withCredentials("admin", AdminPassword.of(PASSWORD))
            .withActionsAllowed(true);

    private static NodeProcess server;
    private static SystemClock clock;
    private AdminScenarios scenarios;

    @BeforeAll
    static void start() throws Exception {
        server = NodeProcess.start(
                Map.of("STUDYCOLLAB_ADMIN_PASSWORD", PASSWORD),
                "server.js",
                "--jwt-secret",
                TestTokens.SECRET,
                "--admin",
                "--admin-user",
                "admin");
        clock = new SystemClock("admin-test-clock");
    }

    @AfterAll
    static void stop() {
        server.close();
        clock.close();
    }

    @BeforeEach
    void scenarios() {
        scenarios = new AdminScenarios(server.url(), clock);
    }

    @AfterEach
    void close() throws Exception {
        scenarios.close();
    }

    @Test
    void refusesAWrongPassword() {
        scenarios.refusesWrongPassword(OPTIONS);
    }

    @Test
    void modelFollowsSocketsRoomsEventsAndActions() throws Exception {
        scenarios.modelFollowsTheServer(OPTIONS, true);
    }
}
