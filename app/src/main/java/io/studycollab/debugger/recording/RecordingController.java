package io.studycollab.debugger.recording;

import io.studycollab.debugger.AppVersion;
import io.studycollab.debugger.connection.RealtimeModel;
import io.studycollab.debugger.eventlog.EventLogModel;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.debugger.window.Dialogs;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionExport;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionWriter;
import io.studycollab.realtime.session.SnapshottingRecorder;
import io.studycollab.realtime.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * File ▸ Record, Save and Export: a recording streams the live hub to a session file (redacted, on
 * the writer's own thread); saving and exporting write what the log holds, in the background. A
 * recording names the real server, and says "via fault proxy …" while the QA tab routes through it.
 */
public final class RecordingController implements AutoCloseable {

    private final EventHub hub;
    private final PresenceTracker presence;
    private final RealtimeModel realtime;
    private final EventLogModel log;
    private final Redactor redactor;
    private final Tasks tasks;
    private final Dialogs dialogs;
    private final Clock clock;
    private final BooleanProperty recording = new SimpleBooleanProperty(false);
    private SessionWriter recorder;
    private EventHub.Subscription subscription;
    private String fileName;
    private Path file;
    private long startedMillis;
    // "● REC 0:35 · 1.2 MB · 1,204 events" while recording, else null: the badge nobody can miss.
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper();

    public RecordingController(
            EventHub hub,
            PresenceTracker presence,
            RealtimeModel realtime,
            EventLogModel log,
            Redactor redactor,
            Tasks tasks,
            Dialogs dialogs,
            Clock clock) {
        this.hub = hub;
        this.presence = presence;
        this.realtime = realtime;
        this.log = log;
        this.redactor = redactor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording;
    }

    /** What the red REC badge says while recording (elapsed time, size, events), else null. */
    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    /** Refreshes the badge (the frame loop calls this about once a second). */
    public void tick() {
        SessionWriter w = recorder;
        if (w == null) {
            badge.set(null);
            return;
        }
        long seconds = Math.max(0, (clock.monoMillis() - startedMillis) / 1000);
        badge.set(
                String.format("● REC %d:%02d · %s · %,d events", seconds / 60, seconds % 60, size(file), w.written()));
    }

    private static String size(Path f) {
        try {
            long b = Files.size(f);
            return b < 1024 * 1024 ? String.format("%.1f KB", b / 1024.0) : String.format("%.1f MB", b / 1048576.0);
        } catch (IOException e) {
            return "? KB";
        }
    }

    /** The file being recorded to, or null. */
    public String fileName() {
        return recorder == null ? null : fileName;
    }

    /** Starts (asking where) or stops recording. */
    public void setRecording(boolean on) {
        if (on == (recorder != null)) {
            return;
        }
        if (!on) {
            stop();
            return;
        }
        Optional<Path> f = dialogs.chooseSave("Record to", "recording.jsonl");
        if (f.isEmpty()) {
            recording.set(false);
            return;
        }
        recordTo(f.get());
    }

    /** Starts recording to {@code file}; says why when it cannot. */
    public void recordTo(Path file) {
        try {
            recorder = new SessionWriter(file, header(), redactor);
            // The file opens with the state on screen now, not an empty group (see session-format.md).
            subscription = hub.subscribe(new SnapshottingRecorder(
                    recorder, presence, realtime.connectionStatusProperty().get(), clock));
            fileName = file.getFileName().toString();
            this.file = file;
            startedMillis = clock.monoMillis();
            recording.set(true);
            tick();
        } catch (IOException e) {
            recording.set(false);
            dialogs.error("Cannot record to " + file + ": " + e.getMessage());
        }
    }

    private void stop() {
        subscription.unsubscribe();
        SessionWriter w = recorder;
        recorder = null;
        subscription = null;
        recording.set(false);
        badge.set(null);
        Path saved = file;
        tasks.create(() -> {
                    w.close();
                    return w.written();
                })
                // The user is told where the file is, and that it is complete.
                .onSuccess(n -> dialogs.info(
                        "Recording saved: " + saved + " (" + String.format("%,d", n) + " events, " + size(saved) + ")"))
                .onError(IOException.class, e -> dialogs.error("Closing the recording: " + e.getMessage()))
                .run();
    }

    public void saveHistory(boolean onlyVisible) {
        List<EventRecord> records = List.copyOf(onlyVisible ? log.visible() : log.all());
        dialogs.chooseSave(onlyVisible ? "Save filtered events" : "Save history", "session.jsonl")
                .ifPresent(f -> {
                    SessionHeader h = header();
                    tasks.run(() -> SessionExport.session(f, h, records, redactor))
                            .onError(IOException.class, e -> dialogs.error("Cannot save " + f + ": " + e.getMessage()))
                            .run();
                });
    }

    public void exportVisible(boolean csv) {
        List<EventRecord> records = List.copyOf(log.visible());
        dialogs.chooseSave(csv ? "Export as CSV" : "Export as JSON", csv ? "events.csv" : "events.json")
                .ifPresent(f -> tasks.run(() -> {
                            if (csv) {
                                SessionExport.csv(f, records, redactor);
                            } else {
                                SessionExport.json(f, records, redactor);
                            }
                        })
                        .onError(IOException.class, e -> dialogs.error("Cannot export to " + f + ": " + e.getMessage()))
                        .run());
    }

    /** The header of a file written now: the real server (and the proxy, when routed), user, group. */
    public SessionHeader header() {
        ConnectionSnapshot s = realtime.connectionStatusProperty().get();
        String server =
                realtime.urlProperty().get() != null ? realtime.urlProperty().get() : s.url();
        String proxy = realtime.proxyUrlProperty().get();
        return SessionHeader.of(
                AppVersion.full(),
                proxy == null ? server : server + " via fault proxy " + proxy,
                s.userId(),
                s.groupId(),
                Instant.ofEpochMilli(clock.wallMillis()).toString());
    }

    @Override
    public void close() {
        if (recorder != null) {
            subscription.unsubscribe();
            recorder.close();
            recorder = null;
        }
    }
}
