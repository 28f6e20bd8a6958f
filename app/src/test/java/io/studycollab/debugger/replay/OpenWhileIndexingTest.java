package io.studycollab.debugger.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.debugger.window.WindowFixture;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.replay.SessionTimeline;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionWriter;
import io.studycollab.realtime.testing.TestPayloads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 19 point 3 in the window: a big recording shows its first frame while its index still
 * grows; the bar, the figures and the description follow the index; seeking works within what is
 * indexed; a bad line is reported by number when indexing ends; going back to live stops the
 * indexing thread.
 */
class OpenWhileIndexingTest extends WindowFixture {

    // Big enough that indexing takes seconds on this machine (about 150 MB of file).
    private static final int RECORDS = 600_000;
    private static final String INDEXER = "session-index big.jsonl";

    @Override
    protected boolean startsSandbox() {
        return false;
    }

    @Start
    void start(Stage stage) throws Exception {
        openWindow(stage);
    }

    /** What the window showed at the moment the first frame of a file went up. */
    private record FirstFrame(int records, boolean indexing, String note, boolean noteShown, String figures) {}

    @Test
    void theFirstFrameShowsWhileTheIndexGrowsAndBackToLiveStopsIt(FxRobot robot) throws Exception {
        Path file = bigRecording(dir, RECORDS);
        AtomicReference<FirstFrame> first = new AtomicReference<>();
        fx(() -> {
            IndexProgress progress = controller.replay().progress();
            // Runs on the FX thread as the timeline is set, after the bar has laid out its state.
            controller.replay().timelineProperty().addListener((o, was, t) -> {
                if (t != null && first.get() == null) {
                    Label note = robot.lookup("#replayIndexing").queryAs(Label.class);
                    first.set(new FirstFrame(
                            progress.records(),
                            progress.indexing(),
                            note.getText(),
                            note.isVisible(),
                            robot.lookup("#statusFile").queryAs(Label.class).getText()));
                }
            });
            controller.openSession(file);
            return null;
        });
        waitFor("the first frame", 30, () -> first.get() != null);
        FirstFrame f = first.get();
        assertTrue(f.indexing(), "the first frame went up while the file was still being indexed");
        assertTrue(f.records() < RECORDS, "only part of the file was indexed at the first frame: " + f.records());
        assertTrue(f.noteShown(), "the bar says it is indexing");
        assertEquals(String.format("indexing… %,d records", f.records()), f.note());
        assertTrue(f.figures().contains(" indexed so far · "), f.figures());

        // While the index grows: the counts follow it, and seeking to its current end shows that event.
        long[] sought = fx(() -> {
            IndexProgress progress = controller.replay().progress();
            int n = progress.records();
            controller.replay().seek(n);
            List<EventRecord> log = controller.log().all();
            return new long[] {
                n,
                controller.replay().positionProperty().get(),
                log.get(log.size() - 1).seq(),
                progress.indexing() ? 1 : 0
            };
        });
        assertEquals(1, sought[3], "still indexing when sought (the file is big enough for that)");
        assertTrue(sought[0] > f.records(), "the index grew after the first frame");
        assertEquals(sought[0], sought[1], "seeks to the end of what is indexed");
        assertEquals(sought[0], sought[2], "the log ends with that event (record n has seq n)");
        assertTrue(
                fx(() -> controller.replays().fileDescriptionProperty().get()).contains(" so far (indexing)"),
                fx(() -> controller.replays().fileDescriptionProperty().get()));

        waitFor(
                "the whole file indexed",
                180,
                () -> !controller.replay().progress().indexing());
        assertEquals(RECORDS, (int) fx(() -> controller.replay().progress().records()));
        assertFalse(fx(() -> robot.lookup("#replayIndexing").query().isVisible()), "the note goes away");
        assertTrue(
                text(robot, "#replayWhere").endsWith(String.format(" of %,d", RECORDS)), text(robot, "#replayWhere"));
        assertTrue(
                text(robot, "#statusFile").contains(String.format(" of %,d in the file · ", RECORDS)),
                text(robot, "#statusFile"));
        assertTrue(fx(() -> controller.replays().fileDescriptionProperty().get())
                .contains(String.format(" · %,d events over ", RECORDS)));
        // The bad line appended after the records is named, as when the file was read at once.
        String skipped = String.format("1 line(s) skipped; first: line %d: ", RECORDS + 2);
        waitFor("the bad line reported", 10, () -> errorShown().startsWith(skipped));
        fx(() -> {
            controller.replay().seek(RECORDS);
            return null;
        });
        assertEquals(
                RECORDS, (int) fx(() -> controller.replay().positionProperty().get()));

        // Again, and back to live while it indexes: the indexing thread ends with the replay.
        AtomicReference<SessionTimeline> second = new AtomicReference<>();
        fx(() -> {
            controller.replay().timelineProperty().addListener((o, was, t) -> {
                if (t != null && second.get() == null) {
                    second.set(t);
                }
            });
            controller.openSession(file);
            return null;
        });
        waitFor("the second opening shown", 30, () -> second.get() != null);
        // Back to live at once: the file is far from indexed.
        assertTrue(fx(() -> {
            boolean indexing = controller.replay().progress().indexing();
            controller.replays().backToLive();
            return indexing;
        }));
        waitFor("the indexing thread stopped", 10, () -> !indexerAlive());
        assertTrue(second.get().size() < RECORDS, "it was stopped, not run to the end");
        assertFalse(fx(() -> controller.replays().viewingFile()));
        assertEquals("LIVE", text(robot, "#statusMode"));
    }

    private static boolean indexerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(INDEXER) && t.isAlive());
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    /** The text of the error dialog shown over the window, or "". */
    private static String errorShown() {
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> ((DialogPane) w.getScene().getRoot()).getContentText())
                .findFirst()
                .orElse("");
    }

    /**
     * {@code n} records through the app's own writer: a group joined, then cursors of 50 users four
     * to a millisecond and a join every 100 records; then one line that is not a record.
     */
    static Path bigRecording(Path dir, int n) throws Exception {
        Path file = dir.resolve("big.jsonl");
        List<EventRecord> pool = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String user = "user-" + i % 50;
            ObjectNode p = ProtocolCodec.object().put("groupId", "g");
            String name;
            if (i % 100 == 0) {
                name = "user:joined";
                p.set("user", TestPayloads.user(user, user, "g"));
            } else {
                name = "user:cursor:updated";
                p.put("userId", user)
                        .put("ts", i)
                        .putObject("cursor")
                        .put("x", i)
                        .put("y", i / 2);
            }
            pool.add(new EventRecord(0, 0, 0, Direction.IN, name, null, "g", user, p, ProtocolCodec.sizeOf(p), null));
        }
        long t0 = 1_767_225_600_000L;
        try (SessionWriter w =
                new SessionWriter(file, SessionHeader.of("test", "http://x", "me", "g", "now"), new Redactor())) {
            List<EventRecord> batch = new ArrayList<>(1_000);
            ObjectNode joined = ProtocolCodec.object().put("groupId", "g");
            joined.putArray("members");
            batch.add(new EventRecord(1, t0, 0, Direction.IN, "group:joined", null, "g", null, joined, 40, null));
            for (int i = 2; i <= n; i++) {
                EventRecord p = pool.get(i % pool.size());
                batch.add(new EventRecord(
                        i,
                        t0 + i / 4,
                        0,
                        p.direction(),
                        p.name(),
                        null,
                        "g",
                        p.userId(),
                        p.payload(),
                        p.sizeBytes(),
                        null));
                if (batch.size() == 1_000) {
                    w.onEvents(batch);
                    batch = new ArrayList<>(1_000);
                }
            }
            w.onEvents(batch);
        }
        Files.write(file, "{not a record\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        return file;
    }
}
