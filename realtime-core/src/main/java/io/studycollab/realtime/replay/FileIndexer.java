package io.studycollab.realtime.replay;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.session.SessionCodec;
import io.studycollab.realtime.session.SessionReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes a session file on its own thread while the replay already shows its start: each valid
 * record's offset and time go to the {@link RecordIndex}, the record itself to the
 * {@link TimelineFold}; lines that cannot be read become problems. Owned by its timeline, which
 * stops it on close.
 */
final class FileIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(FileIndexer.class);

    // how often waiters (the first frame, a full open) are told the index grew
    private static final int WAKE_EVERY = 1024;

    private final Path file;
    private final RecordIndex index;
    private final TimelineFold fold;
    private final AppendOnly<SessionReader.Problem> problems = new AppendOnly<>(); // read without a lock
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean done;
    private volatile Exception failure;

    FileIndexer(Path file, RecordIndex index, TimelineFold fold) {
        this.file = file;
        this.index = index;
        this.fold = fold;
        this.thread = new Thread(this::run, "session-index " + file.getFileName());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try (InputStream in = Files.newInputStream(file)) {
            LineScanner lines = new LineScanner(in, 0);
            lines.nextLine(); // the header, read and checked by the timeline before starting
            long lineNo = 1;
            int n = 0;
            while (!stopped && lines.nextLine()) {
                lineNo++;
                if (blank(lines.bytes(), lines.length())) {
                    continue;
                }
                EventRecord r;
                try {
                    r = SessionCodec.fromLine(lines.bytes(), 0, lines.length());
                } catch (IllegalArgumentException e) {
                    problems.add(new SessionReader.Problem(lineNo, e.getMessage()));
                    continue;
                }
                fold.add(n, lines.lineStart(), r);
                index.add(lines.lineStart(), r.wallMillis());
                n++;
                if ((n & (WAKE_EVERY - 1)) == 0) {
                    wakeWaiters();
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
            LOG.error("indexing session file {} stopped after {} records", file, index.size(), e);
        } finally {
            done = true;
            wakeWaiters();
        }
    }

    private static boolean blank(byte[] b, int len) {
        for (int i = 0; i < len; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private synchronized void wakeWaiters() {
        notifyAll();
    }

    /** Waits until at least {@code count} records are indexed or indexing has ended. */
    synchronized void awaitIndexed(int count) throws InterruptedException {
        while (index.size() < count && !done) {
            wait();
        }
    }

    boolean done() {
        return done;
    }

    /** What stopped indexing before the end of the file (an I/O error), or null. */
    Exception failure() {
        return failure;
    }

    List<SessionReader.Problem> problems() {
        return List.copyOf(problems.view());
    }

    /** Stops indexing and waits for the thread to end. */
    void stop() {
        stopped = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
