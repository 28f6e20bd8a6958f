package io.studycollab.debugger.window;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.InboundValidator;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionExport;
import io.studycollab.realtime.session.SessionHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14 point 2: while a recording is shown over a live connection, the status bar's figures and
 * the group bar describe the file (not the live rates, group or status), and the live connection
 * stays visible apart: a note under the connection bar and a "live: connected" chip. Back to live
 * puts the live figures back.
 */
class ReplayApartTest extends WindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static boolean shown(FxRobot robot, String id) {
        return fx(() -> {
            for (Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void theRecordingIsDescribedAndTheLiveConnectionStaysApart(FxRobot robot) throws Exception {
        waitFor(
                "live in demo",
                60,
                () -> "demo"
                        .equals(controller.realtime().currentGroupIdProperty().get()));
        waitFor(
                "live rates",
                20,
                () -> controller.stats().eventsPerSecondProperty().get() > 0);
        assertTrue(shown(robot, "#statusRate"));
        assertFalse(shown(robot, "#liveNote"));
        assertFalse(shown(robot, "#liveChip"));

        Path file = recording(dir);
        fx(() -> {
            controller.openSession(file);
            return null;
        });
        waitFor("the recording shown", 10, () -> controller.replays().viewingFile());
        waitFor(
                "the file's figures",
                10,
                () -> robot.lookup("#statusFile").queryAs(Label.class).isVisible());
        assertTrue(
                text(robot, "#statusFile").matches("event \\d+ of 12 in the file · 0:00\\.\\d of 0:01\\.1"),
                text(robot, "#statusFile"));
        for (String live : new String[] {"#statusRate", "#statusTotal", "#statusMalformed", "#statusEvicted"}) {
            assertFalse(shown(robot, live), live + " describes the live connection: hidden in replay");
        }
        assertFalse(shown(robot, "#connectionState"), "the live status is not in the recording's group bar");
        assertTrue(shown(robot, "#liveChip"));
        assertTrue(text(robot, "#liveChip").startsWith("live: connected · "), text(robot, "#liveChip"));
        assertTrue(shown(robot, "#liveNote"));
        assertTrue(text(robot, "#liveNote").contains("apart.jsonl"), text(robot, "#liveNote"));
        // At 1024×700 the status bar and the note still show the file's description whole (point 7).
        fx(() -> {
            controller.dialogs().stage().setWidth(1024);
            controller.dialogs().stage().setHeight(700);
            return null;
        });
        waitFor("the window at 1024", 5, () -> Math.abs(controller.view().getWidth() - 1024) < 40);
        waitFor(
                "status bar and note whole at 1024x700",
                10,
                () -> CutText.labels((Parent) controller.view().lookup("#statusBar"))
                                .isEmpty()
                        && CutText.labels((Parent) controller.view().lookup("#liveNote"))
                                .isEmpty());

        fx(() -> {
            controller.replay().seek(6);
            return null;
        });
        waitFor(
                "the recording's group",
                5,
                () -> "recording: in g"
                        .equals(robot.lookup("#currentGroup")
                                .queryAs(Label.class)
                                .getText()));
        waitFor(
                "the playhead in the figures",
                5,
                () -> robot.lookup("#statusFile")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("event 6 of 12 in the file · 0:00.5"));

        fx(() -> {
            controller.replays().backToLive();
            return null;
        });
        waitFor(
                "live again",
                5,
                () -> robot.lookup("#statusRate").queryAs(Label.class).isVisible());
        assertFalse(shown(robot, "#statusFile"));
        assertFalse(shown(robot, "#liveChip"));
        assertFalse(shown(robot, "#liveNote"));
        assertTrue(shown(robot, "#connectionState"));
        waitFor(
                "the live group",
                5,
                () -> "in demo"
                        .equals(robot.lookup("#currentGroup")
                                .queryAs(Label.class)
                                .getText()));
    }

    /** 0: joined g with ada; then ada's cursor every 100 ms. */
    private static Path recording(Path dir) throws Exception {
        List<EventRecord> rs = new ArrayList<>();
        long t = 1_000_000;
        ObjectNode joined = ProtocolCodec.object().put("groupId", "g");
        joined.putArray("members")
                .add(ProtocolCodec.object()
                        .put("userId", "ada")
                        .put("displayName", "Ada")
                        .putNull("avatarUrl")
                        .put("groupId", "g")
                        .putNull("cursor")
                        .put("isActive", true)
                        .putNull("currentTool")
                        .put("lastSeen", "2026-01-01T00:00:00Z"));
        rs.add(in(1, t, "group:joined", joined));
        for (int i = 0; i < 11; i++) {
            ObjectNode c = ProtocolCodec.object()
                    .put("groupId", "g")
                    .put("userId", "ada")
                    .put("ts", t);
            c.putObject("cursor").put("x", 100 + i * 10).put("y", 200);
            rs.add(in(2 + i, t += 100, "user:cursor:updated", c));
        }
        Path file = dir.resolve("apart.jsonl");
        SessionExport.session(file, SessionHeader.of("test", "http://x", "me", "g", "now"), rs, new Redactor());
        return file;
    }

    private static EventRecord in(long seq, long t, String name, ObjectNode p) {
        return EventRecord.of(Direction.IN, name, p, 10, InboundValidator.problem(name, p), t, t, null)
                .withSeq(seq);
    }
}
