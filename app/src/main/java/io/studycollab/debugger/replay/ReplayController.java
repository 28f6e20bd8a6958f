package io.studycollab.debugger.replay;

import io.studycollab.debugger.connection.RealtimeModel;
import io.studycollab.debugger.eventlog.EventLogModel;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.debugger.presence.GroupModel;
import io.studycollab.debugger.window.Dialogs;
import io.studycollab.debugger.window.LiveSession;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.replay.ReEmitter;
import io.studycollab.realtime.replay.SessionComparison;
import io.studycollab.realtime.replay.SessionTimeline;
import io.studycollab.realtime.session.SessionReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Showing a recording instead of the live group: open, back to live, re-emit its outbound events
 * through the live connection, compare it with the live history. While a file is shown, live
 * events still reach the history and the fold but not the views.
 *
 * <p>A file shows from its first frame: the timeline is opened in the background (the first records
 * indexed) and indexes the rest on its own thread while the user already plays and seeks; lines it
 * could not read are reported when indexing ends. Going back to live, opening another file or
 * closing the window closes the timeline, which stops that thread; a file whose opening finishes
 * after the user moved on is closed unseen.
 */
public final class ReplayController {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayController.class);

    private static final int READ_CHUNK = 10_000;

    private final LiveSession session;
    private final RealtimeModel realtime;
    private final ReplayModel replay;
    private final EventLogModel log;
    private final GroupModel group;
    private final Tasks tasks;
    private final Dialogs dialogs;
    private final ReadOnlyBooleanWrapper viewingFile = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper fileDescription = new ReadOnlyStringWrapper();
    private final List<Stage> comparisons = new ArrayList<>();
    // Which open() is the latest: an earlier one that finishes later is not shown.
    private int opening;
    private boolean closed;

    public ReplayController(
            LiveSession session,
            RealtimeModel realtime,
            ReplayModel replay,
            EventLogModel log,
            GroupModel group,
            Tasks tasks,
            Dialogs dialogs) {
        this.session = session;
        this.realtime = realtime;
        this.replay = replay;
        this.log = log;
        this.group = group;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** True while a recording, not the live group, is shown. */
    public ReadOnlyBooleanProperty viewingFileProperty() {
        return viewingFile.getReadOnlyProperty();
    }

    /** "REPLAY file (N events) · not live" while a file is shown. */
    public ReadOnlyStringProperty fileDescriptionProperty() {
        return fileDescription.getReadOnlyProperty();
    }

    public boolean viewingFile() {
        return viewingFile.get();
    }

    /** Opens a file the user picks. */
    public void openChosen() {
        dialogs.chooseOpen("Open a session file").ifPresent(this::open);
    }

    /**
     * Shows {@code file} from its first frame: a timeline to play, step and seek while the rest of
     * the file is indexed; the live connection keeps running underneath.
     */
    public void open(Path file) {
        int ticket = ++opening;
        long asked = session.clock().monoNanos();
        long[] ready = new long[1]; // when the task had the first frame indexed (handed over by the FX hop)
        tasks.create(() -> {
                    SessionTimeline t = SessionTimeline.openInBackground(file);
                    ready[0] = session.clock().monoNanos();
                    return t;
                })
                .onSuccess(timeline -> {
                    if (ticket != opening || closed) {
                        timeline.close(); // the user went on (back to live, another file, closed)
                        return;
                    }
                    viewingFile.set(true);
                    replay.load(timeline, t -> indexed(t, file, asked));
                    fileDescription.bind(FileDescription.of(file, timeline, replay.progress()));
                    LOG.info(
                            "{} shown at its first frame {} ms after the window asked ({} ms to have its start"
                                    + " indexed), {} ms after the JVM started; {} records indexed so far",
                            file.getFileName(),
                            (session.clock().monoNanos() - asked) / 1_000_000,
                            (ready[0] - asked) / 1_000_000,
                            ManagementFactory.getRuntimeMXBean().getUptime(),
                            timeline.size());
                })
                .onError(Exception.class, e -> dialogs.error("Cannot open " + file + ": " + e.getMessage()))
                .run();
    }

    /** Once the whole file is indexed: the lines that could not be read, and an I/O error that cut it short. */
    private void indexed(SessionTimeline timeline, Path file, long asked) {
        LOG.info(
                "{} indexed: {} records, {} ms after it was opened",
                file.getFileName(),
                timeline.size(),
                (session.clock().monoNanos() - asked) / 1_000_000);
        List<SessionReader.Problem> problems = timeline.problems();
        if (!problems.isEmpty()) {
            dialogs.error(problems.size() + " line(s) skipped; first: " + problems.get(0));
        }
        Exception failure = timeline.indexFailure();
        if (failure != null) {
            dialogs.error(String.format(
                    "Reading the file stopped after %,d events: %s", timeline.size(), failure.getMessage()));
        }
    }

    /** Leaves the recording and shows the live group again. */
    public void backToLive() {
        opening++; // a file still opening is not shown after this
        replay.unload();
        viewingFile.set(false);
        fileDescription.unbind();
        fileDescription.set(null);
        log.replaceAll(session.history().snapshot());
        group.reset(session.feed().poll().presence());
    }

    /** Sends the recording's outbound events through the live connection, to its current group. */
    public void reEmitToLive() {
        SessionTimeline t = replay.timelineProperty().get();
        if (t == null || stillIndexing("re-emitted")) {
            return;
        }
        if (!realtime.isConnected()) {
            dialogs.error("Connect to a live server first: the recording is re-emitted through that connection.");
            return;
        }
        double speed = replay.speedProperty().get();
        String target = realtime.currentGroupIdProperty().get();
        tasks.create(() -> {
                    List<EventRecord> steps = new ArrayList<>();
                    for (int from = 0; from < t.size(); from += READ_CHUNK) {
                        steps.addAll(ReEmitter.replayable(t.records(from, Math.min(t.size(), from + READ_CHUNK))));
                    }
                    if (steps.isEmpty()) {
                        throw new IllegalStateException("this recording holds no outbound events to send");
                    }
                    return new ReEmitter(session.client(), session.clock(), steps, speed, target)
                            .start()
                            .get();
                })
                .onSuccess(sent -> dialogs.info("Re-emitted " + sent + " events"
                        + (target != null ? " to " + target : "") + " at " + speed + "×."))
                .onError(Exception.class, e -> dialogs.error("Re-emit failed: " + e.getMessage()))
                .run();
    }

    /** Counts per event and the first difference between the recording and the live history. */
    public void compareWithLive() {
        SessionTimeline t = replay.timelineProperty().get();
        if (t == null || stillIndexing("compared")) {
            return;
        }
        List<EventRecord> history = session.history().snapshot();
        tasks.create(() -> {
                    List<EventRecord> recorded = t.records(0, t.size());
                    long span = SessionComparison.spanMillis(recorded);
                    // Like with like: the live events of the last span as long as the recording.
                    List<EventRecord> live = SessionComparison.lastSpan(history, span);
                    String left = "the recording (" + t.size() + " events over " + span / 1000 + " s)";
                    String right = "the live history's last " + span / 1000 + " s (" + live.size() + " events)";
                    return new Comparison(SessionComparison.compare(recorded, live), left, right);
                })
                .onSuccess(this::showComparison)
                .onError(Exception.class, e -> dialogs.error("Compare failed: " + e.getMessage()))
                .run();
    }

    private record Comparison(SessionComparison.Result result, String left, String right) {}

    /** The comparison in a window of its own (not modal: the user keeps scrubbing the recording). */
    private void showComparison(Comparison c) {
        Stage window = new Stage();
        window.initOwner(dialogs.stage());
        window.setTitle("Recording vs live");
        Scene scene = new Scene(new ComparisonView(c.result(), c.left(), c.right()));
        scene.getStylesheets().setAll(dialogs.stage().getScene().getStylesheets());
        window.setScene(scene);
        window.show();
        comparisons.add(window);
    }

    /** Whole-file actions wait for the whole file: until then they would act on part of it unsaid. */
    private boolean stillIndexing(String done) {
        if (!replay.progress().indexing()) {
            return false;
        }
        dialogs.error(String.format(
                "The file is still being indexed (%,d events so far): it can be %s once it is whole.",
                replay.progress().records(), done));
        return true;
    }

    /** The window is closing: closes the file shown and any file whose opening finishes later. */
    public void close() {
        closed = true;
        opening++;
        replay.unload();
        closeComparisons();
    }

    /** Closes the comparison windows this window opened. */
    public void closeComparisons() {
        comparisons.forEach(Stage::close);
        comparisons.clear();
    }
}
