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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/**
 * Showing a recording instead of the live group: open, back to live, re-emit its outbound events
 * through the live connection, compare it with the live history. While a file is shown, live
 * events still reach the history and the fold but not the views.
 */
public final class ReplayController {

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

    /** Shows {@code file}: a timeline to play, step and seek; the live connection keeps running underneath. */
    public void open(Path file) {
        tasks.create(() -> SessionTimeline.open(file))
                .onSuccess(timeline -> {
                    List<SessionReader.Problem> problems = timeline.problems();
                    viewingFile.set(true);
                    replay.load(timeline);
                    fileDescription.set(
                            "REPLAY " + file.getFileName() + " (" + timeline.size() + " events) · not live");
                    if (!problems.isEmpty()) {
                        dialogs.error(problems.size() + " line(s) skipped; first: " + problems.get(0));
                    }
                })
                .onError(Exception.class, e -> dialogs.error("Cannot open " + file + ": " + e.getMessage()))
                .run();
    }

    /** Leaves the recording and shows the live group again. */
    public void backToLive() {
        replay.unload();
        viewingFile.set(false);
        fileDescription.set(null);
        log.replaceAll(session.history().snapshot());
        group.reset(session.feed().poll().presence());
    }

    /** Sends the recording's outbound events through the live connection, to its current group. */
    public void reEmitToLive() {
        SessionTimeline t = replay.timelineProperty().get();
        if (t == null) {
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
        if (t == null) {
            return;
        }
        List<EventRecord> history = session.history().snapshot();
        tasks.create(() -> {
                    List<EventRecord> recorded = t.records(0, t.size());
                    long span = SessionComparison.spanMillis(recorded);
                    // Like with like: the live events of the last span as long as the recording.
                    List<EventRecord> live = SessionComparison.lastSpan(history, span);
                    return SessionComparison.report(
                            SessionComparison.compare(recorded, live),
                            "the recording (" + t.size() + " events over " + span / 1000 + " s)",
                            "the live history's last " + span / 1000 + " s (" + live.size() + " events)");
                })
                .onSuccess(this::showReport)
                .onError(Exception.class, e -> dialogs.error("Compare failed: " + e.getMessage()))
                .run();
    }

    private void showReport(String report) {
        TextArea text = new TextArea(report);
        text.setEditable(false);
        text.setPrefColumnCount(90);
        text.setPrefRowCount(24);
        text.setStyle("-fx-font-family: monospace;");
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(dialogs.stage());
        alert.setTitle("Recording vs live");
        alert.setHeaderText(null);
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
