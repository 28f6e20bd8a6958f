package io.studycollab.realtime.replay;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A recorded session as something to seek in: the presence at any position is the fold of the
 * records before it, computed from the nearest checkpoint, so seeking backwards is as exact as
 * playing forwards. Also lists the moments worth a marker on a timeline. Opened from a file it
 * keeps only an index in memory (8 bytes a record, a few thousand checkpoints) and reads records
 * back on demand, so a file of millions of records opens in a small heap; {@link
 * #openInBackground} returns as soon as the start can be shown and indexes the rest on its own
 * thread, the timeline growing ({@link #size()}) as it does.
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

    /**
     * Records indexed before {@link #openInBackground} returns: the start a replay shows first (its
     * opening snapshot is among the first five), with room to step.
     */
    static final int FIRST_FRAME_RECORDS = 1024;

    private final RecordSource source;
    private final RecordIndex index = new RecordIndex();
    private final TimelineFold fold;
    private final FileIndexer indexer; // null for records in memory
    private final SessionHeader header;

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
        this.header = null;
        this.indexer = null;
        this.fold = new TimelineFold(0);
        for (int i = 0; i < copy.size(); i++) {
            fold.add(i, i, copy.get(i));
            index.add(i, copy.get(i).wallMillis());
        }
    }

    private SessionTimeline(Path file, SessionHeader header) throws IOException {
        this.header = header;
        this.fold = TimelineFold.forFileOf(Files.size(file));
        this.source = new FileRecordSource(file, index);
        this.indexer = new FileIndexer(file, index, fold);
    }

    /**
     * Indexes a whole session file without keeping its records, then returns: byte offsets and
     * times, presence checkpoints and markers. Records are read back from the file on demand.
     */
    public static SessionTimeline open(Path file) throws IOException {
        SessionTimeline t = openInBackground(file);
        try {
            t.awaitIndexed();
        } catch (InterruptedIOException e) {
            t.close();
            throw e;
        }
        if (t.indexer.failure() != null) {
            Exception e = t.indexer.failure();
            t.close();
            throw e instanceof IOException io ? io : new IOException("indexing " + file + " failed", e);
        }
        return t;
    }

    /**
     * Opens a session file and returns once its first {@value #FIRST_FRAME_RECORDS} records (or all,
     * when fewer) are indexed; a thread of the timeline indexes the rest, and {@link #close()} stops
     * it. Until {@link #indexing()} turns false, {@link #size()}, {@link #endMillis()} and {@link
     * #markers()} describe the part indexed so far.
     *
     * @throws io.studycollab.realtime.session.SessionFormatException when line 1 is not a session header
     */
    public static SessionTimeline openInBackground(Path file) throws IOException {
        SessionHeader header;
        try (SessionReader reader = SessionReader.open(file)) {
            header = reader.header();
        }
        SessionTimeline t = new SessionTimeline(file, header);
        t.indexer.start();
        try {
            t.indexer.awaitIndexed(FIRST_FRAME_RECORDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.close();
            throw new InterruptedIOException("interrupted while opening " + file);
        }
        return t;
    }

    /**
     * Records indexed so far: all of them once {@link #indexing()} is false. Like {@link
     * #endMillis()}, {@link #indexing()} and {@link #markers()}, read without a lock, so a window can
     * poll it every frame.
     */
    public int size() {
        return index.size();
    }

    /** True while a file opened in the background is still being indexed. */
    public boolean indexing() {
        return indexer != null && !indexer.done();
    }

    /** Waits until the whole file is indexed (at once for records in memory). */
    public void awaitIndexed() throws InterruptedIOException {
        if (indexer == null) {
            return;
        }
        try {
            indexer.awaitIndexed(Integer.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while indexing");
        }
    }

    /** What stopped indexing before the end of the file (an I/O error), or null. */
    public Exception indexFailure() {
        return indexer == null ? null : indexer.failure();
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive), from memory or the file. */
    public List<EventRecord> records(int from, int to) {
        int lo = Math.max(0, from);
        return source.range(lo, Math.max(lo, Math.min(to, size())));
    }

    public long timeOf(int index) {
        return this.index.millis(index);
    }

    /** The header when opened from a file, else null. */
    public SessionHeader header() {
        return header;
    }

    /** Lines of the file that could not be read (so far, while indexing). */
    public List<SessionReader.Problem> problems() {
        return indexer == null ? List.of() : indexer.problems();
    }

    /** The recording split by connection: one lane per connection the proxy saw. */
    public ConnectionLanes lanes() {
        return fold.lanes();
    }

    /**
     * The markers found so far: a list that does not grow, read without a lock or a copy (the
     * window redraws them every pulse while a file is indexed).
     */
    public List<Marker> markers() {
        return fold.markers();
    }

    public long startMillis() {
        return size() == 0 ? 0 : index.millis(0);
    }

    public long endMillis() {
        int n = size();
        return n == 0 ? 0 : index.millis(n - 1);
    }

    /** Presence after the first {@code count} records (0 = before any). */
    public PresenceSnapshot presenceAfter(int count) {
        return trackerAfter(count).snapshot();
    }

    /** A tracker of its own in the state after the first {@code count} records, to fold further records into. */
    public PresenceTracker trackerAfter(int count) {
        int n = Math.max(0, Math.min(count, size()));
        TimelineFold.Checkpoint cp = fold.checkpointBefore(n);
        PresenceTracker tracker = cp.tracker();
        tracker.onEvents(records(cp.index(), n));
        return tracker;
    }

    /** How many records happened at or before {@code wallMillis}. */
    public int countAt(long wallMillis) {
        return index.countAt(wallMillis);
    }

    @Override
    public void close() {
        if (indexer != null) {
            indexer.stop();
        }
        source.close();
    }
}
