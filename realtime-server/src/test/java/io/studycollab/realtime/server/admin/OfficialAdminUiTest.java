package io.studycollab.realtime.server.admin;

import io.studycollab.realtime.admin.AdminOptions;
import io.studycollab.realtime.admin.AdminPassword;
import io.studycollab.realtime.admin.AdminScenarios;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Socket.IO Admin UI, in headless Chromium, connected to our netty-socketio server's
 * admin namespace: it shows the same sockets and rooms as our admin client.
 */
class OfficialAdminUiTest {

    @TempDir
    Path dir;

    @Test
    void officialUiShowsOurSocketsAndRooms() throws Exception {
        String password = "ui-pw-" + Long.toHexString(System.nanoTime());
        try (StudyCollabServer server = StudyCollabServer.start(
                        ServerConfig.defaults(TestTokens.SECRET, "svc-key-123456"),
                        AdminConfig.open().withCredentials("admin", password));
                SystemClock clock = new SystemClock("ui-ours-clock");
                AdminScenarios scenarios = new AdminScenarios(server.url(), clock)) {
            scenarios.officialUiShowsWhatWeShow(
                    AdminOptions.defaults().withCredentials("admin", AdminPassword.of(password)),
                    dir.resolve("admin-ui-ours.png"));
        }
    }
}
