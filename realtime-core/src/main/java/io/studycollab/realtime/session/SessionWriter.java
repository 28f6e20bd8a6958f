package io.studycollab.realtime.session;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.studycollab.realtime.events.EventBatchListener;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.files.PrivateFiles;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends records to a session file on its own thread, so recording never slows the socket.
 * Buffered, and flushed at least once a second and on {@link #close()}: a crash loses at most the
 * last second. Every payload passes through the {@link Redactor} first. The file is private to its
 * owner ({@link PrivateFiles}).
 *
 * <p>It writes everything it is handed. The hand-off is bounded ({@value #MAX_PENDING_BATCHES}
 * batches, {@value #MAX_PENDING_BYTES} payload bytes): when the disk is slower than the events,
 * {@link #onEvents} waits, which holds the hub's dispatch thread (never socket.io's); the hub then
 * fills and drops inbound events with a counted {@code client:dropped} record, which is written
 * like any other.
 */
public final class SessionWriter implements EventBatchListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionWriter.class);
    private static final List<EventRecord> END = List.of();
    private static final long FLUSH_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final Path path;
    private final OutputStream out;
    private final JsonGenerator lines;
    private final Redactor redactor;
    static final int MAX_PENDING_BATCHES = 16;
    static final long MAX_PENDING_BYTES = 16L << 20;

    private final LinkedBlockingQueue<List<EventRecord>> queue = new LinkedBlockingQueue<>();
    private final Object room = new Object();
    private long pendingBytes; // guarded by room
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private volatile IOException failure;
    private volatile boolean closed;

    public SessionWriter(Path path, SessionHeader header, Redactor redactor) throws IOException {
        this.path = path;
        this.redactor = redactor;
        this.out = new BufferedOutputStream(PrivateFiles.newOutputStream(path), 1 << 16);
        out.write((ProtocolCodec.write(ProtocolCodec.toTree(header)) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        // Straight to UTF-8 bytes: no intermediate String per record, no char-to-byte encoder pass.
        lines = ProtocolCodec.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
        lines.setRootValueSeparator(null);
        // Cursor coordinates are doubles, and the JDK's Double.toString was an eighth of the writer's
        // time; Jackson's writer gives the shortest text that reads back as the same double.
        lines.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
        thread = new Thread(this::run, "session-writer");
        thread.setDaemon(true);
        thread.start();
    }

    public Path path() {
        return path;
    }

    @Override
    public void onEvents(List<EventRecord> batch) {
        if (closed || batch.isEmpty()) {
            return;
        }
        long bytes = bytesOf(batch);
        synchronized (room) {
            try {
                while ((queue.size() >= MAX_PENDING_BATCHES
                                || pendingBytes > 0 && pendingBytes + bytes > MAX_PENDING_BYTES)
                        && failure == null
                        && thread.isAlive()) {
                    room.wait(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // hand it over anyway: nothing is lost
            }
            pendingBytes += bytes;
        }
        queue.offer(batch);
    }

    private static long bytesOf(List<EventRecord> batch) {
        long bytes = 0;
        for (EventRecord r : batch) {
            bytes += Math.max(0, r.sizeBytes());
        }
        return bytes;
    }

    public long written() {
        return written.get();
    }

    /** Batches received but not yet written. */
    public int pendingBatches() {
        return queue.size();
    }

    /** The I/O error that stopped writing, or null. */
    public IOException failure() {
        return failure;
    }

    private void run() {
        long lastFlush = System.nanoTime();
        boolean dirty = false;
        try {
            while (true) {
                List<EventRecord> batch = queue.poll(200, TimeUnit.MILLISECONDS);
                if (batch == END) {
                    break;
                }
                if (batch != null) {
                    for (EventRecord r : batch) {
                        SessionCodec.write(lines, r, redactor);
                        lines.writeRaw('\n');
                    }
                    written.addAndGet(batch.size());
                    dirty = true;
                    synchronized (room) {
                        pendingBytes -= bytesOf(batch);
                        room.notifyAll();
                    }
                }
                long now = System.nanoTime();
                if (dirty && (now - lastFlush >= FLUSH_EVERY_NANOS || queue.isEmpty() && batch == null)) {
                    lines.flush();
                    lastFlush = now;
                    dirty = false;
                }
            }
            lines.flush();
        } catch (IOException | UncheckedIOException e) {
            failure = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            LOG.error("session file {} could not be written", path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                lines.close();
                out.close();
            } catch (IOException e) {
                LOG.warn("closing session file {} failed", path, e);
            }
        }
    }

    /** Writes everything received so far, then closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.offer(END);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
