package io.studycollab.realtime.replay;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.session.SessionCodec;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A recorded session as something to seek in: the presence at any position is the fold of the
 * records before it, computed from the nearest checkpoint, so seeking backwards is as exact as
 * playing forwards. Also lists the moments worth a marker on a timeline. Opened from a file it
 * keeps only an index in memory and reads records back on demand, so a file of millions of
 * records opens in a small heap.
 */
public final class SessionTimeline implements AutoCloseable {

    /** Something to mark on the timeline. */
    public enum MarkerKind {
        DROP,
        JOIN,
        LEAVE,
        ERROR,
        MALFORMED
    }

    public record Marker(int index, long wallMillis, MarkerKind kind, String label) {}

    private static final int CHECKPOINT_EVERY = 1000;

    private final RecordSource source;
    private final int size;
    private final long[] times;
    private final List<PresenceTracker> checkpoints = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<SessionReader.Problem> problems;
    private final SessionHeader header;
    private final ConnectionLanes lanes;

    /** A timeline over records already in memory. */
    public SessionTimeline(List<EventRecord> records) {
        List<EventRecord> copy = List.copyOf(records);
        this.source = new RecordSource() {
            @Override
            public List<EventRecord> range(int from, int to) {
                return copy.subList(from, to);
            }

            @Override
            public void close() {}
        };
        this.size = copy.size();
        this.times = new long[size];
        this.problems = List.of();
        this.header = null;
        FoldState state = new FoldState();
        for (int i = 0; i < size; i++) {
            times[i] = copy.get(i).wallMillis();
            state.add(i, copy.get(i));
        }
        this.checkpoints.addAll(state.checkpoints);
        this.markers.addAll(state.markers);
        this.lanes = state.lanes;
    }

    private SessionTimeline(
            Path file,
            SessionHeader header,
            long[] offsets,
            long[] times,
            int size,
            FoldState state,
            List<SessionReader.Problem> problems) {
        this.size = size;
        this.times = times;
        this.header = header;
        this.problems = List.copyOf(problems);
        this.checkpoints.addAll(state.checkpoints);
        this.markers.addAll(state.markers);
        this.lanes = state.lanes;
        this.source = new FileRecordSource(file, offsets);
    }

    /** What indexing a stream leaves behind besides offsets and times: fold checkpoints and markers. */
    private static final class FoldState {
        final List<PresenceTracker> checkpoints = new ArrayList<>();
        final List<Marker> markers = new ArrayList<>();
        final ConnectionLanes lanes = new ConnectionLanes();
        private final PresenceTracker fold = new PresenceTracker();

        /** Folds record {@code i} in, checkpointing every {@link #CHECKPOINT_EVERY} records. */
        void add(int i, EventRecord r) {
            if (i % CHECKPOINT_EVERY == 0) {
                checkpoints.add(fold.copy());
            }
            fold.applyQuietly(r);
            lanes.add(i, r);
            Marker m = TimelineMarkers.markerFor(i, r);
            if (m != null) {
                markers.add(m);
            }
        }
    }

    /**
     * Indexes a session file without keeping its records: byte offsets and times (16 bytes a
     * record), presence checkpoints and markers. Records are read back from the file on demand.
     */
    public static SessionTimeline open(Path file) throws IOException {
        SessionHeader header;
        try (SessionReader reader = SessionReader.open(file)) {
            header = reader.header();
        }
        long[] offsets = new long[1024];
        long[] times = new long[1024];
        int n = 0;
        List<SessionReader.Problem> problems = new ArrayList<>();
        FoldState state = new FoldState();
        try (InputStream in = Files.newInputStream(file)) {
            LineScanner lines = new LineScanner(in, 0);
            lines.next(); // header, checked above
            long lineNo = 1;
            String line;
            while ((line = lines.next()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                EventRecord r;
                try {
                    r = SessionCodec.fromLine(line);
                } catch (IllegalArgumentException e) {
                    problems.add(new SessionReader.Problem(lineNo, e.getMessage()));
                    continue;
                }
                if (n == offsets.length) {
                    offsets = Arrays.copyOf(offsets, n * 2);
                    times = Arrays.copyOf(times, n * 2);
                }
                offsets[n] = lines.lineStart();
                times[n] = r.wallMillis();
                state.add(n, r);
                n++;
            }
        }
        return new SessionTimeline(
                file, header, Arrays.copyOf(offsets, n), Arrays.copyOf(times, n), n, state, problems);
    }

    public int size() {
        return size;
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive), from memory or the file. */
    public List<EventRecord> records(int from, int to) {
        return source.range(Math.max(0, from), Math.min(to, size));
    }

    public long timeOf(int index) {
        return times[index];
    }

    /** The header when opened from a file, else null. */
    public SessionHeader header() {
        return header;
    }

    /** Lines of the file that could not be read. */
    public List<SessionReader.Problem> problems() {
        return problems;
    }

    /** The recording split by connection: one lane per connection the proxy saw. */
    public ConnectionLanes lanes() {
        return lanes;
    }

    public List<Marker> markers() {
        return Collections.unmodifiableList(markers);
    }

    public long startMillis() {
        return size == 0 ? 0 : times[0];
    }

    public long endMillis() {
        return size == 0 ? 0 : times[size - 1];
    }

    /** Presence after the first {@code count} records (0 = before any). */
    public PresenceSnapshot presenceAfter(int count) {
        return trackerAfter(count).snapshot();
    }

    /** A tracker of its own in the state after the first {@code count} records, to fold further records into. */
    public PresenceTracker trackerAfter(int count) {
        int n = Math.max(0, Math.min(count, size));
        int cp = Math.min(n / CHECKPOINT_EVERY, checkpoints.size() - 1);
        if (cp < 0) {
            return new PresenceTracker();
        }
        PresenceTracker fold = checkpoints.get(cp).copy();
        fold.onEvents(records(cp * CHECKPOINT_EVERY, n));
        return fold;
    }

    /** How many records happened at or before {@code wallMillis}. */
    public int countAt(long wallMillis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= wallMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public void close() {
        source.close();
    }
}
