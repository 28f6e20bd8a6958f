package io.studycollab.realtime.admin;

import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.time.SystemClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The admin client against the official {@code @socket.io/admin-ui} package on the Node reference server. */
class AdminClientAgainstNodeTest extends AdminScenarioTests {

    private static NodeProcess server;
    private static SystemClock clock;

    @BeforeAll
    static void start() throws Exception {
        server = startNodeWithAdmin(PASSWORD);
        clock = new SystemClock("admin-test-clock");
    }

    @AfterAll
    static void stop() {
        server.close();
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
        return true;
    }
}
