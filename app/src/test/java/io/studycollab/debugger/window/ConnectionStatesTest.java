package io.studycollab.debugger.window;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.profiles.ProfileStore;
import io.studycollab.debugger.profiles.ServerProfile;
import io.studycollab.realtime.client.ConnectionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The connection as the window tells it (issue 14, points 3–5): Connect always connects or says
 * why; the fault-proxy toggle and the recording name the real route; a drop keeps the last known
 * group greyed; buttons follow the state; the give-up count is visible and set by the user.
 */
class ConnectionStatesTest extends WindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    private static final String NO_URL = "No URL yet";

    @Override
    protected void prepare(ProfileStore profiles) throws Exception {
        ServerProfile blank = new ServerProfile(
                NO_URL, "", "/socket.io", List.of("websocket"), Map.of(), null, null, null, null, false, false, null);
        profiles.save(List.of(blank));
    }

    @Override
    protected boolean startsSandbox() {
        return false;
    }

    private void selectProfile(FxRobot robot, String name) {
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<ServerProfile> box = robot.lookup("#profiles").queryAs(ComboBox.class);
            box.getSelectionModel()
                    .select(box.getItems().stream()
                            .filter(p -> p.name().equals(name))
                            .findFirst()
                            .orElseThrow());
            return null;
        });
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    private void connectToSandbox(FxRobot robot) {
        selectProfile(robot, ServerProfile.SANDBOX_NAME);
        robot.clickOn("#connect");
        waitFor(
                "connected and in demo",
                40,
                () -> inDemo() && controller.group().groupMembers().size() >= 4);
    }

    @Test
    void connectWithoutAUrlOrWithoutAServerSaysWhyInTheWindow(FxRobot robot) {
        selectProfile(robot, NO_URL);
        robot.clickOn("#connect");
        waitFor("the reason is shown", 5, () -> text(robot, "#connectProblem").startsWith("Enter a server URL"));
        assertEquals(
                ConnectionState.DISCONNECTED,
                fx(() -> controller.realtime().connectionStatusProperty().get().state()));

        fx(() -> {
            robot.lookup("#serverUrl").queryAs(TextField.class).setText("http://127.0.0.1:1");
            return null;
        });
        robot.clickOn("#connect");
        waitFor("the attempt fails visibly", 20, () -> {
            String state = text(robot, "#connectionState");
            return (state.equals("Reconnecting…") || state.equals("Failed"))
                    && !text(robot, "#connectionDetails").isBlank();
        });
        assertTrue(fx(() -> robot.lookup("#indicatorReconnect").query().isVisible()));
    }

    @Test
    void connectWithTheSandboxProfileStartsTheSandboxWhenItIsNotRunning(FxRobot robot) {
        // As after opening a session file at start and going back to live: no sandbox, empty URL.
        selectProfile(robot, ServerProfile.SANDBOX_NAME);
        // Everything the note says, kept as it changes: on a fast machine the sandbox may be up (and
        // the note gone) before the test could read it.
        List<String> said = new CopyOnWriteArrayList<>();
        fx(() -> {
            robot.lookup("#connectProblem")
                    .queryLabeled()
                    .textProperty()
                    .addListener((o, was, now) -> said.add(now == null ? "" : now));
            return null;
        });
        robot.clickOn("#connect");
        waitFor("connected", 40, () -> controller.realtime().isConnected());
        assertTrue(said.stream().anyMatch(t -> !t.isBlank()), "says what it does while the sandbox starts");
        waitFor(
                "the note goes once connected",
                5,
                () -> text(robot, "#connectProblem").isEmpty());
    }

    @Test
    void theProxyToggleTheUrlAndTheRecordingTellTheRealRoute(FxRobot robot) throws Exception {
        connectToSandbox(robot);
        String server = fx(() -> controller.sandbox().url());
        selectSidePanel(robot, 3);
        robot.clickOn("#viaProxy");
        waitFor(
                "routed and back in demo",
                20,
                () -> inDemo() && controller.qa().routedProperty().get());
        assertEquals(
                server,
                fx(() -> robot.lookup("#serverUrl").queryAs(TextField.class).getText()));
        assertTrue(text(robot, "#viaProxyNote").startsWith("via fault proxy 127.0.0.1:"));
        assertTrue(fx(() -> robot.lookup("#viaProxyNote").query().isVisible()));

        Path file = dir.resolve("routed.jsonl");
        fx(() -> {
            controller.recording().recordTo(file);
            return null;
        });
        fx(() -> {
            controller.recording().setRecording(false);
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file) && Files.size(file) > 0);
        String header = Files.readAllLines(file).get(0);
        assertTrue(header.contains("\"serverUrl\":\"" + server + " via fault proxy http://127.0.0.1:"), header);

        // Switching profile and back, then connecting again: that route is over, and the box says so.
        robot.clickOn("#disconnect");
        waitFor("disconnected", 10, () -> !controller.realtime().isConnected());
        selectProfile(robot, NO_URL);
        selectProfile(robot, ServerProfile.SANDBOX_NAME);
        robot.clickOn("#connect");
        waitFor("connected directly", 20, () -> controller.realtime().isConnected());
        assertFalse(fx(() -> robot.lookup("#viaProxy").queryAs(CheckBox.class).isSelected()));
        assertFalse(fx(() -> robot.lookup("#viaProxyNote").query().isVisible()));
        assertEquals(
                server,
                fx(() -> controller.realtime().connectionStatusProperty().get().url()));
    }

    @Test
    void aDropKeepsTheLastKnownGroupGreyedAndButtonsFollowTheState(FxRobot robot) {
        connectToSandbox(robot);
        assertTrue(fx(() -> robot.lookup("#connect").queryAs(Button.class).isDisabled()), "Connect while connected");
        assertFalse(fx(() -> robot.lookup("#leave").queryAs(Button.class).isDisabled()));
        assertEquals(
                1L,
                (long) fx(() -> robot.lookup(".button").queryAllAs(Button.class).stream()
                        .filter(b -> "Reconnect".equals(b.getText()))
                        .count()),
                "one Reconnect button");
        int members = fx(() -> controller.group().groupMembers().size());

        controller.sandbox().server().close();
        waitFor(
                "offline noted",
                20,
                () -> controller.group().offlineNoteProperty().get() != null);
        assertTrue(fx(() -> controller.group().offlineNoteProperty().get())
                .matches("offline since \\d\\d:\\d\\d:\\d\\d — last known state"));
        assertEquals(members, (int) fx(() -> controller.group().groupMembers().size()), "members kept");
        Node list = fx(() -> robot.lookup("#memberList").query());
        assertTrue(fx(() -> list.getPseudoClassStates().contains(PseudoClass.getPseudoClass("offline"))));
        waitFor("pointers greyed", 5, () -> controller.canvas().drawnFaded("bot-1"));
        assertTrue(fx(() -> controller.canvas().cursorCount()) >= 3, "last known pointers stay on the board");
        assertFalse(fx(() -> robot.lookup("#connect").queryAs(Button.class).isDisabled()));
    }

    @Test
    void leaveIsDisabledOutsideAGroupAndTheSwitchRejoinsTheGroupWeWereIn(FxRobot robot) {
        connectToSandbox(robot);
        fx(() -> {
            robot.lookup("#groupId").queryAs(TextField.class).setText("other");
            return null;
        });
        robot.clickOn("#join");
        waitFor(
                "in other",
                10,
                () -> "other"
                        .equals(controller.realtime().currentGroupIdProperty().get()));
        robot.clickOn("#disconnect");
        waitFor("disconnected", 10, () -> !controller.realtime().isConnected());
        assertTrue(fx(() -> robot.lookup("#leave").queryAs(Button.class).isDisabled()), "Leave when not joined");
        robot.clickOn("#connect");
        waitFor(
                "back in the group we were in",
                20,
                () -> controller.realtime().isConnected()
                        && "other"
                                .equals(controller
                                        .realtime()
                                        .currentGroupIdProperty()
                                        .get()));
        robot.clickOn("#leave");
        waitFor("left", 10, () -> controller.realtime().currentGroupIdProperty().get() == null);
        assertTrue(fx(() -> robot.lookup("#leave").queryAs(Button.class).isDisabled()));
    }

    @Test
    void afterGivingUpTheNetworkBackToNormalRetriesAndTheTryCountIsTheUsers(FxRobot robot) {
        connectToSandbox(robot);
        fx(() -> {
            robot.lookup("#maxRetries").queryAs(Spinner.class).getValueFactory().setValue(1);
            return null;
        });
        selectSidePanel(robot, 3);
        robot.clickOn("#viaProxy");
        waitFor(
                "routed",
                20,
                () -> controller.realtime().isConnected()
                        && controller.qa().routedProperty().get());
        assertEquals(1, (int) fx(() -> controller.connection().maxAttempts()), "the new connection gives up after 1");
        fx(() -> {
            robot.lookup("#networkProfile").queryComboBox().setValue("Offline (cut now)");
            return null;
        });
        waitFor(
                "gave up",
                40,
                () -> controller.realtime().connectionStatusProperty().get().state() == ConnectionState.FAILED);
        assertEquals("Failed", text(robot, "#connectionState"));
        fx(() -> {
            robot.lookup("#networkProfile").queryComboBox().setValue("Normal");
            return null;
        });
        waitFor(
                "connected again without a click on Reconnect",
                20,
                () -> controller.realtime().isConnected());
    }
}
