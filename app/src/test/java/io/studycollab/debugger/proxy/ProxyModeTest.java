package io.studycollab.debugger.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.profiles.ProfileStore;
import io.studycollab.debugger.window.DebuggerController;
import io.studycollab.debugger.window.WindowFactory;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.NodeMembers;
import io.studycollab.realtime.proxy.matrix.MatrixView;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionWriter;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
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
 * Proxy mode end to end in the window: the window's proxy in front of the official Node server
 * (src/interop/server.js) with official socket.io clients as members. Lanes appear with their
 * streams and the log filters by one; a breakpoint set in the UI pauses a packet (its lane says so,
 * with the countdown), an edit forwarded arrives edited, a dropped packet never arrives; an event
 * injected from the Inject tab arrives with its ack shown; a drop rule set in the UI makes a member
 * miss cursor moves and the delivery matrix flags it.
 */
@ExtendWith(ApplicationExtension.class)
class ProxyModeTest {

    @TempDir
    Path dir;

    private DebuggerController controller;
    private NodeProcess server;
    private NodeMembers members;

    @Start
    void start(Stage stage) throws Exception {
        controller = WindowFactory.show(stage, false, ProfileStore.in(dir.resolve("config")));
        // short pings: a lane held at a breakpoint must keep them flowing
        server = NodeProcess.start(
                "server.js",
                "--jwt-secret",
                TestTokens.SECRET,
                "--service-key",
                "svc-key-123456",
                "--ping-interval",
                "1000",
                "--ping-timeout",
                "2000");
    }

    @AfterEach
    void stop() throws Exception {
        if (members != null) {
            members.close();
        }
        WaitForAsyncUtils.asyncFx(controller::close).get(20, TimeUnit.SECONDS);
        server.close();
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitFor(String what, long seconds, Callable<Boolean> condition) {
        await(what)
                .atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> fx(condition));
    }

    /** Shows the Proxy side tab and its {@code inner} tab, starts the proxy from the form, returns its address. */
    private String startProxy(FxRobot robot) {
        showTab(robot, "Lanes");
        robot.clickOn("#proxyTarget").write(server.url());
        robot.clickOn("#proxyStartStop");
        waitFor(
                "the proxy runs",
                20,
                () -> !controller.proxy().model().addressProperty().get().isEmpty());
        assertEquals(
                "Stop proxy",
                fx(() -> robot.lookup("#proxyStartStop").queryAs(Button.class).getText()));
        String url = fx(() -> controller.proxy().model().addressProperty().get());
        assertEquals(
                url,
                fx(() -> robot.lookup("#proxyAddress").queryAs(TextField.class).getText()));
        members = new NodeMembers(url);
        return url;
    }

    private static void showTab(FxRobot robot, String inner) {
        fx(() -> {
            TabPane side = robot.lookup("#sidePanels").queryAs(TabPane.class);
            for (Tab t : side.getTabs()) {
                if (t.getText().equals("Proxy")) {
                    side.getSelectionModel().select(t);
                }
            }
            TabPane tabs = robot.lookup("#proxyTabs").queryAs(TabPane.class);
            for (Tab t : tabs.getTabs()) {
                if (t.getText().equals(inner)) {
                    tabs.getSelectionModel().select(t);
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String id, String text) {
        fx(() -> {
            robot.lookup(id).queryAs(TextField.class).setText(text);
            return null;
        });
    }

    private static void choose(FxRobot robot, String id, int index) {
        fx(() -> {
            robot.lookup(id).queryAs(ComboBox.class).getSelectionModel().select(index);
            return null;
        });
    }

    private String connOf(String user) {
        return fx(() -> controller.proxy().model().lanes().stream()
                .filter(l -> user.equals(l.userId()))
                .findFirst()
                .orElseThrow()
                .id());
    }

    @Test
    void lanesAppearABreakpointPausesAndAnEditArrivesEditedWhileADropNeverArrives(FxRobot robot) throws Exception {
        startProxy(robot);
        var ada = members.join("ada", "Ada", "websocket", "ui");
        var bob = members.join("bob", "Bob", "polling", "ui");
        ListView<?> lanes = robot.lookup("#proxyLanes").queryAs(ListView.class);
        // A lane shows at the Engine.IO handshake; its user once the CONNECT's record is made, its
        // counts as the model refreshes (off the relay path, so possibly a pulse after the join).
        waitFor(
                "two lanes with their users and traffic both ways",
                10,
                () -> lanes.getItems().size() == 2
                        && controller.proxy().model().lanes().stream()
                                .allMatch(l -> l.userId() != null && l.up() > 0 && l.down() > 0));
        List<ProxyLane> shown = fx(() -> List.copyOf(controller.proxy().model().lanes()));
        assertEquals(
                List.of("ada", "bob"), shown.stream().map(ProxyLane::userId).toList());
        ProxyLane bobLane = shown.get(1);
        assertEquals("polling", bobLane.transport());
        assertTrue(bobLane.sid() != null && bobLane.up() > 0 && bobLane.down() > 0, bobLane.toString());

        // bob's lane: its own stream, and the log shows only that connection
        fx(() -> {
            lanes.getSelectionModel().select(1);
            return null;
        });
        ListView<?> stream = robot.lookup("#proxyStream").queryAs(ListView.class);
        waitFor("bob's stream", 10, () -> !stream.getItems().isEmpty());
        assertTrue(fx(() -> controller.proxy().model().stream().stream()
                .allMatch(r -> bobLane.id().equals(r.packet().connection()))));
        robot.clickOn("#proxyLogLane");
        waitFor(
                "the log shows bob's lane only",
                10,
                () -> !controller.log().visible().isEmpty()
                        && controller.log().visible().stream()
                                .allMatch(r -> bobLane.id().equals(r.packet().connection())));
        assertTrue(fx(() -> controller.log().all().stream()
                .anyMatch(r -> !bobLane.id().equals(r.packet().connection()))));

        // a breakpoint from the form: bob's tool changes on the way up
        showTab(robot, "Breakpoints");
        type(robot, "#bpName", "tool:*");
        choose(robot, "#bpDir", 1);
        type(robot, "#bpUser", "bob");
        robot.clickOn("#bpAdd");
        waitFor(
                "the breakpoint is listed",
                5,
                () -> controller.proxy().breakpoints().size() == 1);
        int toolAck = bob.emit("tool:change", NodeMembers.json("{\"tool\":\"pen\"}"), true);
        waitFor("a paused packet", 10, () -> controller.proxy().model().paused().size() == 1);
        waitFor(
                "bob's lane says paused with the countdown",
                5,
                () -> controller.proxy().model().lanes().get(1).paused() == 1
                        && robot.lookup(".lane-paused").queryAllAs(Label.class).stream()
                                .anyMatch(
                                        l -> l.isVisible() && l.getText().matches(".*PAUSED.*auto-release in \\d+ s")));
        TextArea json = robot.lookup("#bpJson").queryAs(TextArea.class);
        waitFor("the paused packet in the editor", 5, () -> json.getText().contains("\"pen\""));
        Button forwardEdited = robot.lookup("#bpForwardEdited").queryAs(Button.class);
        fx(() -> {
            json.setText("{not json");
            return null;
        });
        assertTrue(fx(forwardEdited::isDisabled), "invalid JSON cannot be forwarded");
        assertTrue(fx(() -> robot.lookup("#bpVerdict").queryAs(Label.class).getText())
                .startsWith("✗"));
        fx(() -> {
            json.setText("[\"tool:change\",{\"tool\":\"eraser\"}]");
            return null;
        });
        assertFalse(fx(forwardEdited::isDisabled));
        robot.clickOn("#bpForwardEdited");
        var edited = ada.await("the edited tool", l -> l.path("event").asText().equals("user:tool:changed"));
        assertEquals("eraser", edited.path("args").get(0).path("tool").asText());
        bob.await(
                "bob's ack",
                l -> l.path("type").asText().equals("ack") && l.path("id").asInt() == toolAck);
        waitFor("nothing paused", 5, () -> controller.proxy().model().paused().isEmpty());

        // drop: the packet never reaches ada; the next one (no breakpoint any more) does, in order
        bob.emit("tool:change", NodeMembers.json("{\"tool\":\"marker\"}"), false);
        waitFor("paused again", 10, () -> controller.proxy().model().paused().size() == 1);
        robot.clickOn("#bpDrop");
        waitFor("nothing paused", 5, () -> controller.proxy().model().paused().isEmpty());
        fx(() -> {
            controller.proxy().removeBreakpoint(controller.proxy().breakpoints().get(0));
            return null;
        });
        bob.emit("tool:change", NodeMembers.json("{\"tool\":\"laser\"}"), false);
        ada.await(
                "the next tool",
                l -> l.path("event").asText().equals("user:tool:changed")
                        && l.path("args").get(0).path("tool").asText().equals("laser"));
        assertTrue(ada.events("user:tool:changed").stream()
                .noneMatch(l -> l.path("args").get(0).path("tool").asText().equals("marker")));
        List<EventRecord> all = fx(() -> List.copyOf(controller.log().all()));
        assertTrue(all.stream()
                .anyMatch(r -> r.name().equals("proxy:breakpoint")
                        && r.payload().path("action").asText().equals("dropped")));
    }

    @Test
    void injectArrivesWithItsAckAndTheMatrixFlagsAMemberMadeToMissEvents(FxRobot robot) throws Exception {
        startProxy(robot);
        var ada = members.join("ada", "Ada", "websocket", "mx");
        var bob = members.join("bob", "Bob", "websocket", "mx");
        waitFor("two lanes", 10, () -> controller.proxy().model().lanes().size() == 2);

        // inject down to ada, as the server, with an ack
        showTab(robot, "Inject");
        choose(robot, "#injLane", 0);
        type(robot, "#injEvent", "quiz:question");
        fx(() -> {
            robot.lookup("#injArgs").queryAs(TextArea.class).setText("{\"q\":1}");
            return null;
        });
        robot.clickOn("#injAck");
        robot.clickOn("#injSend");
        var q = ada.await("injected", l -> l.path("event").asText().equals("quiz:question"));
        assertEquals(1, q.path("args").get(0).path("q").asInt());
        waitFor(
                "the ack shown",
                10,
                () -> robot.lookup("#injResult").queryAs(Label.class).getText().contains("\"ok\":true"));
        assertTrue(bob.events("quiz:question").isEmpty());

        // a drop rule from the form: carol never sees anyone's cursor
        showTab(robot, "Breakpoints");
        type(robot, "#bpName", "user:cursor:updated");
        choose(robot, "#bpDir", 2);
        type(robot, "#bpUser", "carol");
        choose(robot, "#bpAction", 1);
        robot.clickOn("#bpAdd");
        waitFor("the rule is listed", 5, () -> controller.proxy().rules().size() == 1);
        var carol = members.join("carol", "Carol", "polling", "mx");
        waitFor("three lanes", 10, () -> controller.proxy().model().lanes().size() == 3);
        for (int i = 0; i < 5; i++) {
            ada.emit("cursor:update", NodeMembers.json("{\"x\":" + i + ",\"y\":" + i + "}"), true);
        }
        bob.await("five cursors", l -> bob.events("user:cursor:updated").size() == 5);
        assertTrue(carol.events("user:cursor:updated").isEmpty());

        showTab(robot, "Matrix");
        String carolConn = connOf("carol");
        String bobConn = connOf("bob");
        waitFor("carol's misses in the matrix", 20, () -> {
            MatrixView v = controller.proxy().matrix().viewProperty().get();
            MatrixView.MemberSummary c = v == null ? null : v.member(carolConn);
            MatrixView.MemberSummary b = v == null ? null : v.member(bobConn);
            return c != null && c.missed() >= 5 && b != null && b.delivered() >= 5;
        });
        MatrixView v = fx(() -> controller.proxy().matrix().viewProperty().get());
        assertTrue(v.member(bobConn).p50Millis() >= 0, "fan-out latency measured for bob");
        waitFor(
                "missed cells shown in carol's column",
                10,
                () -> robot.lookup("#matrixRows .table-cell").queryAll().stream()
                                .filter(n ->
                                        n instanceof javafx.scene.control.Labeled l && "✗ missed".equals(l.getText()))
                                .count()
                        >= 5);
        assertTrue(fx(() -> robot.lookup("#matrixMembers")
                        .queryAs(javafx.scene.control.TableView.class)
                        .getItems()
                        .size())
                == 3);

        // the same session recorded and opened: at its end the matrix, folded from the file, says the same
        Path file = dir.resolve("proxied.jsonl");
        SessionWriter writer = new SessionWriter(
                file, SessionHeader.of("test", server.url(), null, null, "2026-12-02T00:00:00Z"), new Redactor());
        writer.onEvents(controller.session().history().snapshot());
        writer.close();
        fx(() -> {
            controller.openSession(file);
            return null;
        });
        waitFor(
                "the recording shown",
                20,
                () -> controller.replays().viewingFile()
                        && controller.replay().timelineProperty().get() != null);
        fx(() -> {
            controller
                    .replay()
                    .seek(controller.replay().timelineProperty().get().size());
            return null;
        });
        waitFor("the matrix of the recording", 20, () -> {
            MatrixView r = controller.proxy().matrix().viewProperty().get();
            MatrixView.MemberSummary c = r == null ? null : r.member(carolConn);
            return controller.proxy().matrix().sourceProperty().get().startsWith("recording")
                    && c != null
                    && c.missed() >= 5;
        });
    }
}
