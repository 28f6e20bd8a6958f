package io.studycollab.debugger.server;

import static io.studycollab.debugger.server.ServerTabFixture.fx;
import static io.studycollab.debugger.server.ServerTabFixture.inspect;
import static io.studycollab.debugger.server.ServerTabFixture.roomsOf;
import static io.studycollab.debugger.server.ServerTabFixture.roomsShown;
import static io.studycollab.debugger.server.ServerTabFixture.socketsOf;
import static io.studycollab.debugger.server.ServerTabFixture.socketsShown;
import static io.studycollab.debugger.server.ServerTabFixture.waitFor;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.debugger.profiles.ProfileStore;
import io.studycollab.debugger.testing.TestMembers;
import io.studycollab.debugger.window.DebuggerController;
import io.studycollab.debugger.window.WindowFactory;
import io.studycollab.realtime.admin.AdminScenarioTests;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.time.SystemClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Server tab against the official Node server instrumented with {@code @socket.io/admin-ui}
 * ({@code src/interop/server.js --admin}, basic auth): connected as a user does, it shows the same
 * sockets and rooms as {@code inspect --json}, and follows the server as members move and leave.
 */
@ExtendWith(ApplicationExtension.class)
class ServerTabNodeTest {

    private static final String PASSWORD = "tab-pw-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path config;

    private DebuggerController controller;
    private NodeProcess server;
    private final SystemClock clock = new SystemClock("server-tab-node-clock");
    private final List<AutoCloseable> owned = new ArrayList<>();

    @Start
    void start(Stage stage) {
        controller = WindowFactory.show(stage, false, ProfileStore.in(config));
        stage.requestFocus();
    }

    @AfterEach
    void closeAll() throws Exception {
        WaitForAsyncUtils.asyncFx(controller::close).get(20, TimeUnit.SECONDS);
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        if (server != null) {
            server.close();
        }
        clock.close();
    }

    private RealtimeClient member(String sub, String name, String group) throws Exception {
        return TestMembers.member(server.url(), clock, owned, sub, name, group);
    }

    /** Waits until the tab's sockets and rooms of "/" are those a fresh {@code inspect --json} prints. */
    private JsonNode awaitTabMatchesInspect(FxRobot robot, String what) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await(what)
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    JsonNode doc = inspect(server.url(), "admin", PASSWORD);
                    last.set(doc);
                    return socketsOf(doc, "/").equals(socketsShown(robot, "/"))
                            && roomsOf(doc, "/").equals(roomsShown(robot, "/"));
                });
        return last.get();
    }

    @Test
    void showsTheSameSocketsAndRoomsAsInspectAndFollowsTheServer(FxRobot robot) throws Exception {
        server = AdminScenarioTests.startNodeWithAdmin(PASSWORD);
        RealtimeClient ada = member("ada", "Ada", "g1");
        member("bob", "Bob", "g1");
        RealtimeClient cyd = member("cyd", "Cyd", "g2");
        String adaId = ada.snapshot().socketId();

        fx(() -> {
            robot.lookup("#mainViews")
                    .queryAs(TabPane.class)
                    .getSelectionModel()
                    .select(1);
            robot.lookup("#adminUrl").queryAs(TextField.class).setText(server.url());
            robot.lookup("#adminUser").queryAs(TextField.class).setText("admin");
            robot.lookup("#adminPassword").queryAs(TextField.class).setText(PASSWORD);
            return null;
        });
        robot.clickOn("#adminConnect");
        waitFor(
                "connected to the official admin namespace",
                30,
                () -> controller.serverTab().model().connectedProperty().get());
        assertTrue(
                fx(() -> robot.lookup("#adminPassword").queryAs(TextField.class).getText())
                        .isEmpty(),
                "the password is not kept in the field");
        assertTrue(fx(() -> robot.lookup("#adminStatus").queryAs(Label.class).getText())
                .startsWith("Connected to /admin as admin"));

        JsonNode doc = awaitTabMatchesInspect(robot, "the tab shows what inspect prints");
        Map<String, TreeSet<String>> shown = socketsShown(robot, "/");
        assertEquals(3, shown.size(), shown::toString);
        assertEquals(new TreeSet<>(List.of("g1")), shown.get(adaId));
        assertEquals(new TreeSet<>(List.of("g2")), shown.get(cyd.snapshot().socketId()));
        assertEquals(2, roomsShown(robot, "/").get("g1"));
        assertEquals(1, roomsOf(doc, "/").get("g2"));
        // The users the tab names come from the sockets' data, as the official package sends it.
        List<String> users = fx(() -> {
            List<String> out = new ArrayList<>();
            for (Object o :
                    robot.lookup("#adminSockets").queryAs(TableView.class).getItems()) {
                AdminSocket s = (AdminSocket) o;
                if (s.namespace().equals("/")) {
                    out.add(s.userId());
                }
            }
            return out;
        });
        assertEquals(new TreeSet<>(List.of("ada", "bob", "cyd")), new TreeSet<>(users));

        // The server changes: cyd moves to g1, ada leaves; the tab follows (its rows merged in place).
        assertTrue(cyd.joinGroup("g1").get(10, TimeUnit.SECONDS).ok());
        ada.disconnect();
        doc = awaitTabMatchesInspect(robot, "the tab follows the moves");
        assertFalse(socketsShown(robot, "/").containsKey(adaId));
        assertEquals(2, roomsOf(doc, "/").get("g1"));
        assertFalse(roomsShown(robot, "/").containsKey("g2"));
    }
}
