package io.studycollab.debugger.window;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.fx.UserColors;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.time.SystemClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The window against its embedded sandbox, headless (Monocle): bots appear in the presence bar
 * and on the canvas, the log filters, an emitted event reaches a second client, and the
 * reconnect button shows when the server goes away. Each test has its own window, sandbox and
 * config directory ({@link WindowFixture}): none depends on another's state.
 */
class MainWindowTest extends WindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    private void awaitDemo() {
        waitFor("connected and in demo", 30, () -> inDemo());
    }

    @Test
    void botsAppearInThePresenceBarAndOnTheCanvas(FxRobot robot) throws Exception {
        awaitDemo();
        waitFor(
                "three bot avatars",
                20,
                () -> robot.lookup("#avatar-bot-1").tryQuery().isPresent()
                        && robot.lookup("#avatar-bot-2").tryQuery().isPresent()
                        && robot.lookup("#avatar-bot-3").tryQuery().isPresent());
        waitFor("bot cursors drawn", 20, () -> controller.canvas().cursorCount() >= 3);
        double[] first = fx(() -> controller.canvas().drawnPosition("bot-1"));
        assertNotNull(first);
        // Inside the arrow's body, just below its tip, the pixel is the bot's colour.
        Color body = fx(() -> {
            double[] at = controller.canvas().drawnPosition("bot-1");
            double[] view = controller.canvas().toView(at[0], at[1]);
            return controller.canvas().colorAt(view[0] + 2, view[1] + 9);
        });
        Color expected = UserColors.of("bot-1");
        assertEquals(expected.getRed(), body.getRed(), 0.03, "pointer colour " + body + " vs " + expected);
        assertEquals(expected.getGreen(), body.getGreen(), 0.03, "pointer colour " + body + " vs " + expected);
        assertEquals(expected.getBlue(), body.getBlue(), 0.03, "pointer colour " + body + " vs " + expected);
        waitFor("a cursor moves", 10, () -> {
            double[] now = controller.canvas().drawnPosition("bot-1");
            return now != null && (Math.abs(now[0] - first[0]) > 1 || Math.abs(now[1] - first[1]) > 1);
        });
        Label state = robot.lookup("#connectionState").queryAs(Label.class);
        assertEquals("Connected", fx(state::getText));
        assertTrue(
                fx(() -> robot.lookup("#memberList").queryListView().getItems().size()) >= 4);
    }

    @Test
    void theLogFiltersByNameAndText(FxRobot robot) throws Exception {
        awaitDemo();
        waitFor("events logged", 10, () -> controller.log().visible().size() > 20);
        robot.clickOn("#logName").write("user:cursor:*");
        waitFor(
                "filter applied",
                5,
                () -> !controller.log().visible().isEmpty()
                        && controller.log().visible().stream()
                                .allMatch(r -> r.name().equals("user:cursor:updated")));
        fx(() -> {
            robot.lookup("#logName").queryTextInputControl().clear();
            return null;
        });
        robot.clickOn("#logName").write("/^group:/");
        waitFor(
                "regex filter",
                5,
                () -> !controller.log().visible().isEmpty()
                        && controller.log().visible().stream()
                                .allMatch(r -> r.name().startsWith("group:")));
        fx(() -> {
            robot.lookup("#logName").queryTextInputControl().clear();
            return null;
        });
        robot.clickOn("#dir-in");
        robot.clickOn("#dir-local");
        waitFor(
                "only outbound",
                5,
                () -> !controller.log().visible().isEmpty()
                        && controller.log().visible().stream()
                                .allMatch(r -> r.direction() == io.studycollab.realtime.events.Direction.OUT));
        robot.clickOn("#dir-in");
        robot.clickOn("#dir-local");
        waitFor(
                "filter cleared",
                5,
                () -> controller.log().visible().size()
                        == controller.log().all().size());

        robot.clickOn("#pauseLog");
        int frozen = fx(() -> controller.log().visible().size());
        waitFor(
                "events held back while paused",
                10,
                () -> controller.log().pendingProperty().get() > 5);
        assertEquals(frozen, fx(() -> controller.log().visible().size()), "the view does not move while paused");
        robot.clickOn("#pauseLog");
        waitFor(
                "held events shown on resume",
                5,
                () -> controller.log().visible().size() > frozen
                        && controller.log().pendingProperty().get() == 0);
    }

    @Test
    void anEmittedEventReachesASecondClient(FxRobot robot) throws Exception {
        awaitDemo();
        String url = fx(() -> controller.sandbox().url());
        List<EventRecord> received = new CopyOnWriteArrayList<>();
        try (SystemClock clock = new SystemClock("second-client-clock");
                EventHub hub = new EventHub("second-client-hub");
                RealtimeClient second = new RealtimeClient(hub, clock, ClientOptions.defaults())) {
            second.on("quiz:answer", received::add);
            second.connect(url, controller.sandbox().mint("second", "Second Client", Duration.ofMinutes(5)));
            await("second connected")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> second.state() == ConnectionState.CONNECTED);
            assertTrue(second.joinGroup("demo").get(5, TimeUnit.SECONDS).ok());

            selectSidePanel(robot, 1);
            fx(() -> {
                robot.lookup("#emitEvent").queryComboBox().getEditor().setText("quiz:answer");
                robot.lookup("#emitPayload").queryTextInputControl().setText("{\"choice\": \"B\"}");
                return null;
            });
            waitFor(
                    "payload valid",
                    5,
                    () -> robot.lookup("#emitValidation")
                            .queryLabeled()
                            .getText()
                            .startsWith("✓"));
            robot.clickOn("#emitSend");
            await("second client received it").atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            assertEquals(
                    "B", received.get(0).payload().get("data").get("choice").asText());
            assertEquals("local-user", received.get(0).userId());
            waitFor(
                    "ack shown",
                    10,
                    () -> robot.lookup("#emitReply")
                            .queryAs(TextArea.class)
                            .getText()
                            .startsWith("ok"));

            fx(() -> {
                robot.lookup("#emitPayload").queryTextInputControl().setText("{ not json");
                return null;
            });
            waitFor(
                    "invalid JSON flagged",
                    5,
                    () -> !robot.lookup("#emitValidation")
                            .queryLabeled()
                            .getText()
                            .startsWith("✓"));
        }
    }

    @Test
    void theApiPanelPostsToTheGroupAndReadsItsPresence(FxRobot robot) throws Exception {
        awaitDemo();
        selectSidePanel(robot, 2);
        int before = fx(() -> (int) controller.log().all().stream()
                .filter(r -> r.name().equals("announcement:new"))
                .count());
        robot.clickOn("#apiPost");
        waitFor(
                "HTTP 200",
                10,
                () -> robot.lookup("#apiStatus").queryLabeled().getText().equals("HTTP 200"));
        assertTrue(fx(() -> robot.lookup("#apiBody").queryAs(TextArea.class).getText())
                .contains("\"delivered\""));
        waitFor(
                "the announcement reaches us",
                10,
                () -> controller.log().all().stream()
                                .filter(r -> r.name().equals("announcement:new"))
                                .count()
                        > before);
        robot.clickOn("#apiGetGroup");
        waitFor(
                "group presence",
                10,
                () -> robot.lookup("#apiBody").queryAs(TextArea.class).getText().contains("bot-1"));
        fx(() -> {
            robot.lookup("#apiKey").queryTextInputControl().setText("wrong-key");
            return null;
        });
        robot.clickOn("#apiGetGroup");
        waitFor(
                "HTTP 401 with a wrong key",
                10,
                () -> robot.lookup("#apiStatus").queryLabeled().getText().equals("HTTP 401"));
    }

    @Test
    void aRecordingIsReEmittedThroughTheLiveConnection(FxRobot robot) throws Exception {
        awaitDemo();
        Path file = dir.resolve("path.jsonl");
        List<EventRecord> recorded = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recorded.add(new EventRecord(
                    i + 1,
                    1_000 + i * 50L,
                    0,
                    io.studycollab.realtime.events.Direction.OUT,
                    "cursor:update",
                    null,
                    null,
                    "someone",
                    io.studycollab.realtime.protocol.ProtocolCodec.object()
                            .put("x", 7 + i)
                            .put("y", 7),
                    20,
                    null));
        }
        io.studycollab.realtime.session.SessionExport.session(
                file,
                io.studycollab.realtime.session.SessionHeader.of("t", "u", "someone", null, "now"),
                recorded,
                new io.studycollab.realtime.session.Redactor());
        String url = fx(() -> controller.sandbox().url());
        List<Double> xs = new CopyOnWriteArrayList<>();
        try (SystemClock clock = new SystemClock("watch-clock");
                EventHub hub = new EventHub("watch-hub");
                RealtimeClient watcher = new RealtimeClient(hub, clock, ClientOptions.defaults())) {
            watcher.on("user:cursor:updated", r -> {
                if ("local-user".equals(r.userId())) {
                    xs.add(r.payload().get("cursor").get("x").asDouble());
                }
            });
            watcher.connect(url, controller.sandbox().mint("watcher", "Watcher", Duration.ofMinutes(5)));
            await("watcher connected")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> watcher.state() == ConnectionState.CONNECTED);
            assertTrue(watcher.joinGroup("demo").get(5, TimeUnit.SECONDS).ok());
            fx(() -> {
                controller.openSession(file);
                return null;
            });
            waitFor("replay bar", 10, () -> robot.lookup("#replayBar").query().isVisible());
            robot.clickOn("#reEmit");
            // The robot's pointer crossing the board sends the app's own live cursor too (x far above 16):
            // only the re-emitted path, x 7..16, is the recording's.
            await("the path arrives, in order")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> reEmitted(xs).size() >= 10);
            assertEquals(
                    List.of(7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0),
                    reEmitted(xs).subList(0, 10));
            robot.clickOn("#backToLive");
            waitFor(
                    "live again",
                    5,
                    () -> robot.lookup("#statusMode")
                            .queryAs(Label.class)
                            .getText()
                            .startsWith("LIVE"));
        }
    }

    @Test
    void qaToolsCutTheNetworkRunVirtualUsersAndReport(FxRobot robot) throws Exception {
        awaitDemo();
        selectSidePanel(robot, 3);
        robot.clickOn("#viaProxy");
        waitFor(
                "reconnected through the proxy, back in demo",
                20,
                () -> inDemo()
                        && !controller
                                .sandbox()
                                .url()
                                .equals(controller
                                        .realtime()
                                        .connectionStatusProperty()
                                        .get()
                                        .url()));
        fx(() -> {
            robot.lookup("#networkProfile").queryComboBox().setValue("Offline (cut now)");
            return null;
        });
        waitFor(
                "the cut is seen",
                10,
                () -> controller.realtime().connectionStatusProperty().get().state() == ConnectionState.RECONNECTING);
        waitFor(
                "the switch is in the log",
                5,
                () -> controller.log().all().stream()
                        .anyMatch(r -> r.name().equals("netsim:profile")
                                && r.payload().get("profile").asText().equals("offline")));
        fx(() -> {
            robot.lookup("#networkProfile").queryComboBox().setValue("Normal");
            return null;
        });
        waitFor("back and rejoined", 20, () -> inDemo());

        fx(() -> {
            robot.lookup("#swarmUsers")
                    .queryAs(javafx.scene.control.Spinner.class)
                    .getValueFactory()
                    .setValue(5);
            robot.lookup("#swarmProxied")
                    .queryAs(javafx.scene.control.Spinner.class)
                    .getValueFactory()
                    .setValue(2);
            return null;
        });
        waitFor(
                "start enabled",
                5,
                () -> !robot.lookup("#swarmStart").queryButton().isDisabled());
        robot.clickOn("#swarmStart");
        try {
            waitFor(
                    "five virtual users in the group, two of them through the proxy",
                    30,
                    () -> controller.group().groupMembers().stream()
                                    .filter(m -> m.userId().startsWith("virtual-"))
                                    .count()
                            == 5);
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; members "
                            + fx(() -> controller.group().groupMembers().stream()
                                    .map(m -> m.userId())
                                    .toList()) + "; swarm "
                            + fx(() -> controller.qa().swarmStats()),
                    e);
        }
        waitFor(
                "figures shown",
                5,
                () -> robot.lookup("#swarmFigures").queryLabeled().getText().contains("connected 5/5"));
        robot.clickOn("#swarmStart");
        waitFor(
                "they leave",
                20,
                () -> controller.group().groupMembers().stream()
                        .noneMatch(m -> m.userId().startsWith("virtual-")));

        waitFor(
                "the connection timeline lists the switches",
                5,
                () -> robot.lookup("#connectionTimeline").queryListView().getItems().stream()
                        .anyMatch(i -> i.toString().contains("network offline")));
        waitFor(
                "round trips charted",
                10,
                () -> !((javafx.scene.chart.LineChart<?, ?>)
                                robot.lookup("#rttChart").query())
                        .getData()
                        .get(0)
                        .getData()
                        .isEmpty());
        fx(() -> {
            robot.lookup("#checkConsistency").queryButton().fire(); // below the fold of the scrolling panel
            return null;
        });
        waitFor(
                "consistency checked",
                5,
                () -> !robot.lookup("#qaFindings")
                        .queryTextInputControl()
                        .getText()
                        .isEmpty());

        fx(() -> {
            robot.lookup("#copyDiagnostics").queryButton().fire();
            return null;
        });
        String report =
                fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(report != null && report.contains("StudyCollab realtime diagnostics"), String.valueOf(report));
        assertTrue(report.contains("netsim:profile"), "the network switches are in the timeline");
        String token = fx(() -> robot.lookup("#token").queryTextInputControl().getText());
        assertFalse(report.contains(token), "no token in the report");
        robot.clickOn("#viaProxy");
        waitFor("direct again", 20, () -> inDemo());
    }

    @Test
    void theReconnectButtonShowsWhenTheServerStops(FxRobot robot) throws Exception {
        awaitDemo();
        Button reconnect = robot.lookup("#indicatorReconnect").queryButton();
        assertFalse(fx(reconnect::isVisible), "no reconnect button while connected");
        controller.sandbox().server().close();
        waitFor("reconnect button", 20, reconnect::isVisible);
        String state =
                fx(() -> robot.lookup("#connectionState").queryAs(Label.class).getText());
        assertTrue(state.equals("Reconnecting…") || state.equals("Failed"), state);
        Node notification =
                fx(() -> robot.lookup(".notice-connection").tryQuery().orElse(null));
        assertNotNull(notification, "the user is told, not only shown a colour");
        long manualBefore = manualReconnects();
        robot.clickOn(reconnect);
        // Only the click makes the client log a manual reconnect; the automatic retries say otherwise.
        waitFor("the click starts a manual attempt", 10, () -> manualReconnects() > manualBefore);
    }

    private long manualReconnects() {
        return fx(() -> controller.session().history().snapshot().stream()
                .filter(r -> r.name().equals("client:state")
                        && r.payload().path("reason").asText().equals("manual reconnect"))
                .count());
    }

    private static List<Double> reEmitted(List<Double> xs) {
        return xs.stream().filter(x -> x >= 7 && x <= 16).toList();
    }
}
