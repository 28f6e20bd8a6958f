package io.studycollab.realtime.replay;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.replay.SessionTimeline.Marker;
import java.util.List;

/**
 * What indexing leaves behind besides offsets and times: presence checkpoints, markers and
 * connection lanes. Filled by one thread (the indexer) while others read it without a lock
 * (checkpoints and markers are {@link AppendOnly}; the running fold is the indexer's alone), so
 * the FX thread that seeks and draws markers never waits for the indexer.
 *
 * <p>A checkpoint is a copy of the whole presence, so their number is what costs memory in a huge
 * file: one is taken every {@value #MIN_SPACING} records, or further apart when {@code spacingBytes}
 * says so (a file's size / {@value #MAX_CHECKPOINTS}), so a file of any length keeps a few thousand.
 */
final class TimelineFold {

    static final int MIN_SPACING = 1000;
    static final int MAX_CHECKPOINTS = 4096;

    private final long spacingBytes;
    private final PresenceTracker fold = new PresenceTracker();
    private final AppendOnly<Checkpoint> checkpoints = new AppendOnly<>();
    private final AppendOnly<Marker> markers = new AppendOnly<>();
    private final ConnectionLanes lanes = new ConnectionLanes();
    private int lastCheckpoint = Integer.MIN_VALUE;
    private long lastCheckpointOffset;

    /** @param spacingBytes the least file bytes between checkpoints (0: every {@value #MIN_SPACING} records) */
    TimelineFold(long spacingBytes) {
        this.spacingBytes = spacingBytes;
    }

    /** For a file of {@code fileBytes}: checkpoints far enough apart that at most about {@value #MAX_CHECKPOINTS} are kept. */
    static TimelineFold forFileOf(long fileBytes) {
        return new TimelineFold(fileBytes / MAX_CHECKPOINTS);
    }

    /** Folds record {@code i} (which starts at {@code offset}) in, checkpointing the state before it when due. */
    void add(int i, long offset, EventRecord r) {
        Marker m = TimelineMarkers.markerFor(i, r);
        if (i - lastCheckpoint >= MIN_SPACING && offset - lastCheckpointOffset >= spacingBytes
                || checkpoints.size() == 0) {
            checkpoints.add(new Checkpoint(i, fold.copy())); // never changed again: readers copy it
            lastCheckpoint = i;
            lastCheckpointOffset = offset;
        }
        fold.applyQuietly(r);
        lanes.add(i, r);
        if (m != null) {
            markers.add(m);
        }
    }

    /** The latest checkpoint at or before record {@code count}: its position and a copy to fold on from. */
    Checkpoint checkpointBefore(int count) {
        int lo = 0;
        int hi = checkpoints.size(); // the last checkpoint whose index is at or before count
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (checkpoints.get(mid).index() <= count) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return new Checkpoint(0, new PresenceTracker());
        }
        Checkpoint cp = checkpoints.get(lo - 1);
        return new Checkpoint(cp.index(), cp.tracker().copy());
    }

    record Checkpoint(int index, PresenceTracker tracker) {}

    int checkpointCount() {
        return checkpoints.size();
    }

    /** The markers found so far, as a list that does not grow (no copy, no lock). */
    List<Marker> markers() {
        return markers.view();
    }

    ConnectionLanes lanes() {
        return lanes;
    }
}
