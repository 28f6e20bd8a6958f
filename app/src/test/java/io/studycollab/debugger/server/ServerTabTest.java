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
import io.studycollab.debugger.window.DebuggerController;
import io.studycollab.debugger.window.WindowFactory;
import io.studycollab.realtime.admin.AdminRecords;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.admin.crosscheck.CrossCheckRecords;
import io.studycollab.realtime.admin.crosscheck.Divergence;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.server.admin.AdminConfig;
import io.studycollab.realtime.testing.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Server tab against our own server: the window's embedded sandbox runs its admin namespace (as
 * {@code serve --admin} does), and the tab connects to it by itself, read-only.
 */
@ExtendWith(ApplicationExtension.class)
class ServerTabTest {

    @TempDir
    Path config;

    private DebuggerController controller;

    @Start
    void start(Stage stage) {
        controller = WindowFactory.show(stage, false, ProfileStore.in(config));
        stage.requestFocus();
        controller.startSandbox();
    }

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(controller::close).get(20, TimeUnit.SECONDS);
    }

    private String ourSocket() {
        return controller.realtime().connectionStatusProperty().get().socketId();
    }

    private void awaitDemoOnTheServerTab(FxRobot robot) {
        waitFor(
                "connected and in demo",
                60,
                () -> controller.realtime().isConnected()
                        && "demo"
                                .equals(controller
                                        .realtime()
                                        .currentGroupIdProperty()
                                        .get()));
        fx(() -> {
            robot.lookup("#mainViews")
                    .queryAs(javafx.scene.control.TabPane.class)
                    .getSelectionModel()
                    .select(1);
            return null;
        });
        String[] seen = {"nothing yet"};
        try {
            waitFor("our socket and the three bots in demo, on the tab", 30, () -> {
                var shown = socketsShown(robot, "/");
                seen[0] = shown + " (ours " + ourSocket() + ")";
                return shown.size() == 4
                        && shown.containsKey(ourSocket())
                        && shown.values().stream().allMatch(r -> r.contains("demo"));
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("sockets on the tab: " + seen[0], e);
        }
    }

    @Test
    void showsTheSameSocketsAndRoomsAsInspect(FxRobot robot) {
        awaitDemoOnTheServerTab(robot);
        // The admin server is the one our client is connected to: the cross-check runs, and says so.
        waitFor("the cross-check on", 10, () -> crossCheck(robot).startsWith("Cross-check on"));
        JsonNode doc = inspect(controller.sandbox().url(), null, null);
        assertEquals(socketsOf(doc, "/"), socketsShown(robot, "/"));
        assertEquals(roomsOf(doc, "/"), roomsShown(robot, "/"));
        assertEquals(4, roomsShown(robot, "/").get("demo"));
        // Private rooms are hidden until asked for; then there is one per socket.
        showTables(robot, 1);
        robot.clickOn("#adminPrivateRooms");
        waitFor(
                "private rooms listed",
                10,
                () -> robot.lookup("#adminRooms")
                                .queryAs(TableView.class)
                                .getItems()
                                .size()
                        >= 1 + socketsShown(robot, "/").size());
        // Filtering narrows the sockets table to the matching rows (off the FX thread, then shown).
        showTables(robot, 0);
        fx(() -> {
            robot.lookup("#adminSocketFilter").queryAs(TextField.class).setText("bot-2");
            return null;
        });
        waitFor("only bot-2 shown", 10, () -> {
            var shown = robot.lookup("#adminSockets").queryAs(TableView.class).getItems();
            return shown.size() == 1 && "bot-2".equals(((AdminSocket) shown.get(0)).userId());
        });
        // Server-side events reach the shared log, marked as such.
        waitFor(
                "admin records in the log",
                10,
                () -> controller.log().visible().stream().anyMatch(AdminRecords::isAdminRecord));
    }

    @Test
    void theDetailMasksTokensAndAnActionWaitsForConfirmationThenShowsAsADivergence(FxRobot robot) {
        awaitDemoOnTheServerTab(robot);
        // Read-only by default: the actions are there, disabled, with the reason beside them.
        TableView<?> table = robot.lookup("#adminSockets").queryAs(TableView.class);
        pick(table, "bot-1");
        waitFor(
                "bot-1's detail",
                10,
                () -> robot.lookup("#adminDetailTitle")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Socket "));
        assertTrue(fx(() -> robot.lookup("#adminActionDisconnect").query().isDisabled()), "read-only");
        // (the admin connection may be re-establishing itself under load: the note follows it)
        waitFor(
                "the read-only note",
                30,
                () -> robot.lookup("#adminReadOnly")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Read-only"));
        String details =
                fx(() -> robot.lookup("#adminHandshake").queryAs(TextArea.class).getText());
        assertTrue(details.contains("handshake"), details);
        assertFalse(details.contains("eyJ"), "no token in the detail: " + details);

        // Connect again with actions allowed, as a user does: tick the box, Connect.
        robot.clickOn("#adminAllowActions");
        assertTrue(
                fx(() -> robot.lookup("#adminAllowActions")
                        .queryAs(CheckBox.class)
                        .isSelected()),
                () -> "clicked at "
                        + fx(() -> {
                            var n = robot.lookup("#adminAllowActions").query();
                            return n.localToScreen(n.getBoundsInLocal()) + " in "
                                    + n.getScene().getWindow().getWidth()
                                    + "x" + n.getScene().getWindow().getHeight() + " at "
                                    + n.getScene().getWindow().getX()
                                    + "," + n.getScene().getWindow().getY() + " visible " + n.isVisible();
                        }));
        robot.clickOn("#adminConnect");
        waitFor(
                "connected with actions",
                30,
                () -> controller.serverTab().model().actionsAllowedProperty().get()
                        && controller.serverTab().model().connectedProperty().get());
        waitFor("sockets back", 30, () -> socketsShown(robot, "/").size() == 4);
        pick(table, "bot-1");
        // The room is chosen on the FX thread, as a user would; the detail may still be loading.
        String[] leaveState = {"not read yet"};
        try {
            waitFor(
                    "leave enabled",
                    30,
                    () -> fx(() -> {
                        @SuppressWarnings("unchecked")
                        ComboBox<String> rooms = robot.lookup("#adminLeaveRoom").queryAs(ComboBox.class);
                        rooms.setValue("demo");
                        var m = controller.serverTab().model();
                        if (m.detailProperty().get() == null) {
                            // The pick did not hold (the table refilled meanwhile): pick again, as a user would.
                            table.getItems().stream()
                                    .filter(o -> o instanceof AdminSocket sock && "bot-1".equals(sock.userId()))
                                    .findFirst()
                                    .ifPresent(o -> table.getSelectionModel()
                                            .select(table.getItems().indexOf(o)));
                        }
                        leaveState[0] = "connected " + m.connectedProperty().get() + ", actions "
                                + m.actionsAllowedProperty().get() + ", detail "
                                + (m.detailProperty().get() == null
                                        ? null
                                        : m.detailProperty().get().userId())
                                + ", gone " + m.pickedGoneProperty().get() + ", features "
                                + m.featuresProperty().get()
                                + ", room " + rooms.getValue() + " of " + rooms.getItems();
                        return !robot.lookup("#adminActionLeave").query().isDisabled();
                    }));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Leave never enabled: " + leaveState[0], e);
        }
        fx(() -> {
            robot.lookup("#adminActionLeave").queryButton().fire();
            return null;
        });
        String pending = fx(
                () -> robot.lookup("#adminPendingAction").queryAs(Label.class).getText());
        assertTrue(
                pending.startsWith("Make socket ")
                        && pending.contains("(Ada Lovelace)")
                        && pending.contains("leave room demo"),
                () -> "pending '" + pending + "', note '"
                        + fx(() -> robot.lookup("#adminActionNote")
                                .queryAs(Label.class)
                                .getText()) + "'");
        // Cancel sends nothing. Clicked as a user does: the bar sits under the title, in sight however
        // many facts the socket has.
        assertInSight(robot, "#adminCancel");
        robot.clickOn("#adminCancel");
        waitFor(
                "nothing pending after Cancel",
                10,
                () -> !robot.lookup("#adminPendingBar").query().isVisible());
        assertEquals(4, roomsShown(robot, "/").get("demo"), "Cancel sent nothing");
        assertInSight(robot, "#adminActionLeave");
        robot.clickOn("#adminActionLeave");
        assertInSight(robot, "#adminConfirm");
        robot.clickOn("#adminConfirm");
        waitFor(
                "the leave sent",
                10,
                () -> robot.lookup("#adminActionNote")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Sent: make socket"));
        waitFor(
                "bot-1 out of demo on the server",
                40,
                () -> roomsShown(robot, "/").getOrDefault("demo", 0) == 3);

        // Our client still shows bot-1 (nobody sent user:left): a ghost, in the group bar with its start.
        waitFor("the ghost in the group bar", 30, () -> {
            MenuButton badge = robot.lookup("#divergenceBadge").queryAs(MenuButton.class);
            return badge.isVisible()
                    && badge.getText().contains("server divergence")
                    && badge.getItems().stream().anyMatch(i -> i.getText().contains("GHOST"));
        });
        Divergence ghost = fx(() -> controller.serverTab().model().divergences().stream()
                .filter(d -> d.kind() == Divergence.Kind.GHOST)
                .findFirst()
                .orElseThrow());
        assertEquals("bot-1", ghost.userId());
        String badge = fx(
                () -> robot.lookup("#divergenceBadge").queryAs(MenuButton.class).getText());
        assertTrue(badge.endsWith("since " + DivergenceBadge.at(ghost.sinceMillis())), badge);
        // And as a record in the shared stream, for the QA check and recordings.
        waitFor(
                "the divergence recorded",
                10,
                () -> controller.log().visible().stream()
                        .map(EventRecord::name)
                        .anyMatch(CrossCheckRecords.OPENED::equals));
    }

    @Test
    void anotherServersRoomsAreNotComparedWithOurPresence(FxRobot robot) throws Exception {
        awaitDemoOnTheServerTab(robot);
        // Another server, where nobody of our group is: compared with our presence, every member of
        // demo would be "missing" there. The tab shows that server and says why it compares nothing.
        try (StudyCollabServer other = StudyCollabServer.start(
                ServerConfig.defaults(TestTokens.SECRET, "other-server-key"), AdminConfig.open())) {
            fx(() -> {
                robot.lookup("#adminUrl").queryAs(TextField.class).setText(other.url());
                robot.lookup("#adminConnect").queryButton().fire();
                return null;
            });
            waitFor(
                    "the other server's tab",
                    30,
                    () -> controller.serverTab().model().connectedProperty().get()
                            && crossCheck(robot)
                                    .startsWith(
                                            "Cross-check off: this admin server is http://localhost:" + other.port()));
            assertTrue(
                    crossCheck(robot)
                            .contains("connected to http://localhost:"
                                    + controller.sandbox().server().port()),
                    crossCheck(robot));
            // Through several checks (one a second, two seconds' grace), nothing diverges.
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> fx(
                            () -> controller.serverTab().model().divergences().isEmpty()));
            assertFalse(
                    controller.log().visible().stream()
                            .map(EventRecord::name)
                            .anyMatch(CrossCheckRecords.OPENED::equals),
                    "no divergence recorded");
            assertFalse(fx(() -> robot.lookup("#divergenceBadge").query().isVisible()));
        }
    }

    /**
     * The node lies wholly inside the detail pane as laid out, where a click reaches it. Waits for the
     * layout pass: a bar just made visible keeps its old bounds until the next pulse lays it out.
     */
    private static void assertInSight(FxRobot robot, String query) {
        String[] where = {""};
        try {
            waitFor(query + " in sight", 5, () -> (where[0] = whereOutOfSight(robot, query)).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(where[0], e);
        }
    }

    private static String whereOutOfSight(FxRobot robot, String query) {
        return fx(() -> {
            var node = robot.lookup(query).query();
            var pane = robot.lookup("#adminSocketDetail").query();
            var n = node.localToScene(node.getBoundsInLocal());
            var p = pane.localToScene(pane.getLayoutBounds()); // its size as laid out, not its content's
            return node.isVisible()
                            && p.contains(n)
                            && n.getMaxY() <= node.getScene().getHeight()
                    ? ""
                    : query + " at " + n + ", the detail pane at " + p + ", the scene "
                            + node.getScene().getHeight() + " high";
        });
    }

    private static String crossCheck(FxRobot robot) {
        return fx(() -> robot.lookup("#adminCrossCheck").queryAs(Label.class).getText());
    }

    /** Sockets, Rooms or Servers (0, 1, 2): the tab headers' texts are also column titles. */
    private static void showTables(FxRobot robot, int index) {
        fx(() -> {
            robot.lookup("#adminTables")
                    .queryAs(javafx.scene.control.TabPane.class)
                    .getSelectionModel()
                    .select(index);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void pick(TableView<?> table, String userId) {
        waitFor(userId + " picked", 10, () -> {
            for (Object o : table.getItems()) {
                if (o instanceof AdminSocket s && userId.equals(s.userId())) {
                    table.getSelectionModel().select(table.getItems().indexOf(o));
                    return true;
                }
            }
            return false;
        });
    }
}
