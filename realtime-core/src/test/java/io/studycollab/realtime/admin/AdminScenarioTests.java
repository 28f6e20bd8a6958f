package io.studycollab.realtime.admin;

import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AdminScenarios} as tests against the server a subclass starts (with user {@code admin}
 * and {@link #PASSWORD}): the Node reference server here, our server in the server module.
 */
public abstract class AdminScenarioTests {

    protected static final String PASSWORD = "admin-pw-" + Long.toHexString(System.nanoTime());
    protected static final AdminOptions OPTIONS = AdminOptions.defaults()
            .withCredentials("admin", AdminPassword.of(PASSWORD))
            .withActionsAllowed(true);

    private AdminScenarios scenarios;

    protected abstract String url();

    protected abstract SystemClock clock();

    /** Whether the server streams {@code event_sent} (the official package does; netty-socketio cannot). */
    protected abstract boolean reportsSentEvents();

    /** The Node reference server with the official {@code @socket.io/admin-ui}, user {@code admin}. */
    public static NodeProcess startNodeWithAdmin(String password) throws Exception {
        return NodeProcess.start(
                Map.of("STUDYCOLLAB_ADMIN_PASSWORD", password),
                "server.js",
                "--jwt-secret",
                TestTokens.SECRET,
                "--admin",
                "--admin-user",
                "admin");
    }

    @BeforeEach
    void openScenarios() {
        scenarios = new AdminScenarios(url(), clock());
    }

    @AfterEach
    void closeScenarios() throws Exception {
        scenarios.close();
    }

    @Test
    void refusesAWrongPassword() {
        scenarios.refusesWrongPassword(OPTIONS);
    }

    @Test
    void modelFollowsSocketsRoomsEventsAndActions() throws Exception {
        scenarios.modelFollowsTheServer(OPTIONS, reportsSentEvents());
    }
}
