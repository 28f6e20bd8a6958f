package io.studycollab.debugger.replay;

import io.studycollab.debugger.eventlog.EventLogModel;
import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.presence.GroupModel;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.replay.SessionTimeline;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Plays a recorded session like a video: a playhead in recorded time, play/pause, step, seek and
 * speed (0.25× to 16×). At every position the log shows the events up to it and the group is the
 * fold of those events (from the timeline's checkpoints), so seeking backwards is exact. While
 * playing, the playhead moves on the pump's pulse (in the models' phase, before the views draw).
 *
 * <p>A file opened in the background is shown from its first frame while its timeline indexes the
 * rest: {@link #progress()} follows the growing index on the pulse, seeking and stepping reach what is
 * indexed so far, and playing waits at the indexed end until indexing ends. Unloading closes the
 * timeline, which stops its indexing thread.
 */
public final class ReplayModel {

    // Where the opening snapshot is looked for: a file from the app has it first.
    private static final int OPENING_RECORDS = 5;

    private final EventLogModel log;
    private final GroupModel group;
    private final ObjectProperty<SessionTimeline> timeline = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyLongWrapper playheadMillis = new ReadOnlyLongWrapper(0);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final FxEventPump pump;
    private final IndexProgress progress;
    private FxEventPump.Registration ticking;
    private long lastFrame;
    // The fold at the current position, so playing forward reads and folds each record once.
    private PresenceTracker fold;

    public ReplayModel(EventLogModel log, GroupModel group, FxEventPump pump) {
        this.log = log;
        this.group = group;
        this.pump = pump;
        this.progress = new IndexProgress(pump);
        playing.addListener((o, was, is) -> {
            if (is) {
                SessionTimeline t = timeline.get();
                if (position.get() >= size() && t != null && !progress.indexing()) {
                    seek(0); // at the end: play from the start (still indexing: the end moves on)
                }
                lastFrame = 0;
                ticking = pump.onPulse(FxEventPump.Phase.MODELS, this::advance);
            } else if (ticking != null) {
                ticking.cancel();
                ticking = null;
            }
        });
    }

    /**
     * Shows {@code t} from its start: after its opening {@code client:snapshot} when it has one (a
     * recording started mid-session opens with the group as it was, not an empty board).
     */
    public void load(SessionTimeline t) {
        load(t, indexed -> {});
    }

    /** As {@link #load(SessionTimeline)}; {@code whenIndexed} runs on the FX thread once the whole file is indexed. */
    public void load(SessionTimeline t, Consumer<SessionTimeline> whenIndexed) {
        unload();
        progress.follow(t, whenIndexed);
        timeline.set(t);
        seek(openingSnapshotEnd(t));
        group.reset(fold.snapshot());
    }

    /** Just after the snapshot among the first records (SnapshottingRecorder writes it first), or 0. */
    static int openingSnapshotEnd(SessionTimeline t) {
        List<EventRecord> head = t.records(0, Math.min(t.size(), OPENING_RECORDS));
        for (int i = 0; i < head.size(); i++) {
            if (EventNames.CLIENT_SNAPSHOT.equals(head.get(i).name())) {
                return i + 1;
            }
        }
        return 0;
    }

    public void unload() {
        playing.set(false);
        fold = null;
        progress.stop();
        SessionTimeline t = timeline.get();
        timeline.set(null);
        if (t != null) {
            t.close(); // stops its indexing thread: it checks between lines, so this is short
        }
    }

    /**
     * Records the playhead may reach: what {@link #progress()} last published, so the position never
     * runs ahead of the count the bar and the figures show while the file is still being indexed.
     */
    private int size() {
        return timeline.get() == null ? 0 : progress.records();
    }

    private void advance(long now) {
        if (lastFrame == 0) {
            lastFrame = now;
            return;
        }
        double dtMillis = (now - lastFrame) / 1e6 * speed.get();
        lastFrame = now;
        SessionTimeline t = timeline.get();
        if (t == null) {
            playing.set(false);
            return;
        }
        long head = playheadMillis.get() + Math.round(dtMillis);
        boolean indexing = progress.indexing();
        long end = progress.endMillis();
        if (head >= end) {
            int n = size();
            if (n != position.get() || end != playheadMillis.get()) {
                show(n, end);
            }
            if (!indexing) {
                playing.set(false);
            } // else wait at the indexed end for more
            return;
        }
        int count = Math.min(t.countAt(head), size());
        playheadMillis.set(head);
        if (count != position.get()) {
            show(count, head);
        }
    }

    /** Moves to just after the first {@code count} events. */
    public void seek(int count) {
        SessionTimeline t = timeline.get();
        if (t == null) {
            return;
        }
        int n = Math.max(0, Math.min(count, size()));
        long head = n == 0 ? t.startMillis() : t.timeOf(n - 1);
        show(n, head);
    }

    public void seekMillis(long wallMillis) {
        SessionTimeline t = timeline.get();
        if (t != null) {
            long end = progress.endMillis();
            show(Math.min(t.countAt(wallMillis), size()), Math.max(t.startMillis(), Math.min(wallMillis, end)));
        }
    }

    public void stepForward() {
        playing.set(false);
        seek(position.get() + 1);
    }

    public void stepBack() {
        playing.set(false);
        seek(position.get() - 1);
    }

    private void show(int count, long head) {
        SessionTimeline t = timeline.get();
        int from = position.get();
        int limit = log.limitProperty().get();
        if (fold != null && count >= from && count - from < limit) {
            // Forward: only the new records are read, appended and folded in.
            List<EventRecord> fresh = t.records(from, count);
            log.onBatch(fresh);
            fold.onEvents(fresh);
        } else {
            // A jump: only what the log keeps is read, so a file of millions of records stays on disk.
            log.replaceAll(t.records(Math.max(0, count - limit), count));
            fold = t.trackerAfter(count);
        }
        position.set(count);
        playheadMillis.set(head);
        group.show(fold.snapshot());
    }

    /** How far the shown file is indexed, read each pulse. */
    public IndexProgress progress() {
        return progress;
    }

    public ObjectProperty<SessionTimeline> timelineProperty() {
        return timeline;
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty playheadMillisProperty() {
        return playheadMillis.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }
}
