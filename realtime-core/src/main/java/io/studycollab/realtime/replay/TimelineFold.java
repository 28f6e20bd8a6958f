package io.studycollab.realtime.replay;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.replay.SessionTimeline.Marker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What indexing leaves behind besides offsets and times: presence checkpoints, markers and
 * connection lanes. Filled by one thread (the indexer) while others read it, hence the lock.
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
    private final List<PresenceTracker> checkpoints = new ArrayList<>();
    private int[] checkpointAt = new int[64];
    private final List<Marker> markers = new ArrayList<>();
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
        synchronized (this) {
            if (i - lastCheckpoint >= MIN_SPACING && offset - lastCheckpointOffset >= spacingBytes
                    || checkpoints.isEmpty()) {
                if (checkpoints.size() == checkpointAt.length) {
                    checkpointAt = Arrays.copyOf(checkpointAt, checkpointAt.length * 2);
                }
                checkpointAt[checkpoints.size()] = i;
                checkpoints.add(fold.copy());
                lastCheckpoint = i;
                lastCheckpointOffset = offset;
            }
            fold.applyQuietly(r);
            lanes.add(i, r);
            if (m != null) {
                markers.add(m);
            }
        }
    }

    /** The latest checkpoint at or before record {@code count}: its position and a copy to fold on from. */
    synchronized Checkpoint checkpointBefore(int count) {
        int pos = Arrays.binarySearch(checkpointAt, 0, checkpoints.size(), count);
        int cp = pos >= 0 ? pos : -pos - 2;
        if (cp < 0) {
            return new Checkpoint(0, new PresenceTracker());
        }
        return new Checkpoint(checkpointAt[cp], checkpoints.get(cp).copy());
    }

    record Checkpoint(int index, PresenceTracker tracker) {}

    synchronized int checkpointCount() {
        return checkpoints.size();
    }

    synchronized List<Marker> markers() {
        return List.copyOf(markers);
    }

    ConnectionLanes lanes() {
        return lanes;
    }
}
