package io.studycollab.realtime.server.admin;

import io.studycollab.realtime.admin.AdminOptions;
import io.studycollab.realtime.admin.crosscheck.CrossCheckScenario;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import org.junit.jupiter.api.Test;

/** The same divergences, made on purpose against our server's admin namespace. */
class CrossCheckAgainstOurServerTest {

    @Test
    void everyDivergenceIsFound() throws Exception {
        try (StudyCollabServer server = StudyCollabServer.start(
                        ServerConfig.defaults(TestTokens.SECRET, "svc-key-123456"), AdminConfig.open());
                SystemClock clock = new SystemClock("crosscheck-ours-clock");
                CrossCheckScenario scenario = new CrossCheckScenario(server.url(), clock)) {
            scenario.everyDivergenceIsFoundWithItsStart(AdminOptions.defaults().withActionsAllowed(true));
        }
    }
}
