package io.studycollab.debugger.recording;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.replay.ComparisonView;
import io.studycollab.debugger.window.WindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14 point 1, as a user does it: record mid-session (the group already joined, the bots
 * already moving), open the file, and the board, the group bar and Members show the state at the
 * recording's start instead of an empty group.
 */
class RecordMidSessionTest extends WindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    /** Records about 30 events mid-session and returns the closed file. */
    private Path recordMidSession() throws Exception {
        waitFor(
                "the demo group with its bots on the board",
                60,
                () -> controller.group().groupMembers().size() >= 4
                        && controller.canvas().cursorCount() >= 3);
        Path file = dir.resolve("mid-session.jsonl");
        fx(() -> {
            controller.recording().recordTo(file);
            return null;
        });
        assertTrue(fx(() -> controller.recording().recordingProperty().get()));
        // Some cursor traffic lands in the file after the start (the bots move several times a second).
        long logged = fx(() -> (long) controller.log().all().size());
        waitFor("more events arrive", 20, () -> controller.log().all().size() > logged + 30);
        fx(() -> {
            controller.recording().setRecording(false);
            return null;
        });
        await("the file is closed with cursor updates in it")
                .atMost(Duration.ofSeconds(20))
                .until(() -> Files.readString(file).contains("user:cursor:updated"));
        fx(() -> {
            controller.openSession(file);
            return null;
        });
        waitFor("the recording is shown", 20, () -> controller.replays().viewingFile());
        return file;
    }

    @Test
    void aRecordingStartedMidSessionOpensWithTheGroupAtItsStart(FxRobot robot) throws Exception {
        recordMidSession();
        // At the start (nothing played yet) the group already shows who was there.
        waitFor(
                "members and pointers at the recording's start",
                20,
                () -> controller.group().groupMembers().size() >= 4
                        && controller.canvas().cursorCount() >= 3);
        assertTrue(
                fx(() -> robot.lookup("#memberList").queryListView().getItems().size()) >= 4);
        assertFalse(
                fx(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                        .anyMatch(l -> "nobody here yet".equals(l.getText()))),
                "the group bar does not say nobody is here");
        // Point 2: the status bar says the file and "not live"; the note under the connection bar
        // describes the file (server, user, group, counts, length), not the live link.
        String mode = fx(() -> robot.lookup("#statusMode").queryAs(Label.class).getText());
        assertEquals("REPLAY mid-session.jsonl · not live", mode);
        String note = fx(() -> robot.lookup("#liveNote").queryAs(Label.class).getText());
        assertTrue(
                note.matches(".*shown below: REPLAY mid-session\\.jsonl · http://\\S+ · user \\S+ · group demo"
                        + " · [\\d,]+ events over 0:\\d\\d · not live"),
                note);
    }

    @Test
    void compareWithLiveShowsATablePerEventWithTheFirstDifferenceMarked(FxRobot robot) throws Exception {
        recordMidSession();
        fx(() -> {
            controller.replays().compareWithLive();
            return null;
        });
        waitFor(
                "the comparison view",
                20,
                () -> robot.lookup("#comparisonTable").tryQuery().isPresent());
        TableView<ComparisonView.Row> table =
                fx(() -> robot.lookup("#comparisonTable").queryTableView());
        List<ComparisonView.Row> rows = fx(() -> List.copyOf(table.getItems()));
        assertTrue(
                rows.stream().anyMatch(r -> r.event().equals("user:cursor:updated") && r.left() > 0 && r.right() > 0),
                String.valueOf(rows));
        assertEquals(
                rows.size(),
                rows.stream().map(ComparisonView.Row::event).distinct().count(),
                "one row per name");
        String first =
                fx(() -> robot.lookup("#firstDifference").queryAs(Label.class).getText());
        // The live history goes on after the recording stopped, so the two part somewhere.
        assertTrue(first.startsWith("First difference at event #"), first);
        waitFor(
                "the first difference's row is highlighted",
                5,
                () -> robot.lookup(".table-row-cell").queryAll().stream()
                        .anyMatch(n ->
                                n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("first-difference"))));
    }
}
