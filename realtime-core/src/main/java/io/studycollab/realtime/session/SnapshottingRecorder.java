package io.studycollab.realtime.session;

import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventBatchListener;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.presence.StateSnapshots;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sits in front of a recording sink and makes the file self-contained: the first thing written is a
 * {@code client:snapshot} of the state the recording starts from, and a new snapshot follows every
 * batch in which the group changed (joined, left, or a rejoin's fresh member list). It keeps its own
 * fold, started from a copy of the live one, so it never reads another thread's state while recording.
 */
public final class SnapshottingRecorder implements EventBatchListener {

    public static final String RECORDING_STARTED = "recording-started";
    public static final String GROUP_CHANGED = "group-changed";

    private final EventBatchListener sink;
    private final PresenceTracker fold;
    private final ConnectionSnapshot connection;
    private final Clock clock;
    private long lastSeq;

    /**
     * Writes the opening snapshot to {@code sink} at once.
     *
     * @param live       the state when recording starts; copied, never read again
     * @param connection the connection when recording starts (named in the opening snapshot), or null
     */
    public SnapshottingRecorder(
            EventBatchListener sink, PresenceTracker live, ConnectionSnapshot connection, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.fold = live.copy();
        this.connection = connection;
        this.clock = clock;
        sink.onEvents(List.of(snapshot(RECORDING_STARTED)));
    }

    @Override
    public void onEvents(List<EventRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        boolean groupChanged = false;
        for (EventRecord r : batch) {
            fold.applyQuietly(r);
            lastSeq = Math.max(lastSeq, r.seq());
            groupChanged |= changesGroup(r);
        }
        if (!groupChanged) {
            sink.onEvents(batch);
            return;
        }
        List<EventRecord> withSnapshot = new ArrayList<>(batch.size() + 1);
        withSnapshot.addAll(batch);
        withSnapshot.add(snapshot(GROUP_CHANGED));
        sink.onEvents(withSnapshot);
    }

    private static boolean changesGroup(EventRecord r) {
        return r.direction() == Direction.IN
                && !r.malformed()
                && (EventNames.GROUP_JOINED.equals(r.name()) || EventNames.GROUP_LEFT.equals(r.name()));
    }

    private EventRecord snapshot(String reason) {
        return StateSnapshots.record(
                fold.publishNow(),
                RECORDING_STARTED.equals(reason) ? connection : null,
                reason,
                lastSeq,
                clock.wallMillis(),
                clock.monoNanos());
    }
}
