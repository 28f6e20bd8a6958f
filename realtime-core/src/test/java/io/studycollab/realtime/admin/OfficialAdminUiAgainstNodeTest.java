package io.studycollab.realtime.admin;

import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official Admin UI in Chromium and our admin client agree on the Node reference server. */
class OfficialAdminUiAgainstNodeTest {

    @TempDir
    Path dir;

    @Test
    void sameSocketsAndRooms() throws Exception {
        String password = "ui-pw-" + Long.toHexString(System.nanoTime());
        try (NodeProcess server = NodeProcess.start(
                        Map.of("STUDYCOLLAB_ADMIN_PASSWORD", password),
                        "server.js",
                        "--jwt-secret",
                        TestTokens.SECRET,
                        "--admin",
                        "--admin-user",
                        "admin");
                SystemClock clock = new SystemClock("ui-node-clock");
                AdminScenarios scenarios = new AdminScenarios(server.url(), clock)) {
            scenarios.officialUiShowsWhatWeShow(
                    AdminOptions.defaults().withCredentials("admin", AdminPassword.of(password)),
                    dir.resolve("admin-ui-node.png"));
        }
    }
}
