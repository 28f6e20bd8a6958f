package io.studycollab.realtime.admin.crosscheck;

import io.studycollab.realtime.admin.AdminOptions;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import org.junit.jupiter.api.Test;

/** Divergences made on purpose against the Node reference server instrumented with @socket.io/admin-ui. */
class CrossCheckAgainstNodeTest {

    @Test
    void everyDivergenceIsFound() throws Exception {
        try (NodeProcess server = NodeProcess.start("server.js", "--jwt-secret", TestTokens.SECRET, "--admin");
                SystemClock clock = new SystemClock("crosscheck-node-clock");
                CrossCheckScenario scenario = new CrossCheckScenario(server.url(), clock)) {
            scenario.everyDivergenceIsFoundWithItsStart(AdminOptions.defaults().withActionsAllowed(true));
        }
    }
}
