package io.studycollab.realtime.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every event goes. Publishing is lock-free and never blocks (it is called on socket.io's
 * event thread); one dispatch thread numbers the events and hands them to the listeners in
 * batches, in publish order.
 *
 * <p>Bounded: at most {@code maxQueued} events and {@code maxQueuedBytes} (payload bytes as on the
 * wire) wait for dispatch. Past either bound, inbound events are dropped and counted; our own
 * ({@code out}) and the client's ({@code local}) always pass, as they are few and say what the
 * client did. Every run of drops becomes one {@code client:dropped} record in the stream with the
 * exact counts ({@link DropTally}), so the session file says what it is missing.
 */
public final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int MAX_BATCH = 4096;
    /** A batch also ends past this many payload bytes, so one hand-off never holds much. */
    private static final long MAX_BATCH_BYTES = 4L << 20;

    public static final int DEFAULT_MAX_QUEUED = 100_000;
    public static final long DEFAULT_MAX_QUEUED_BYTES = 32L << 20;

    /** Queued where the drops began; its place in the queue is where the drop record goes. */
    private static final EventRecord DROP_MARK =
            new EventRecord(0, 0, 0, Direction.LOCAL, "client:dropped", null, null, null, null, 0, null);

    private final ConcurrentLinkedQueue<EventRecord> queue = new ConcurrentLinkedQueue<>();
    private final CopyOnWriteArrayList<EventBatchListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<EventBatchListener> failedListeners = ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dispatched = new AtomicLong();
    private final AtomicLong queuedCount = new AtomicLong();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final DropTally drops = new DropTally("hub");
    private final int maxQueued;
    private final long maxQueuedBytes;
    private final Thread dispatcher;
    private long nextSeq = 1;
    private volatile boolean closed;

    public EventHub() {
        this("event-hub");
    }

    public EventHub(String threadName) {
        this(threadName, DEFAULT_MAX_QUEUED, DEFAULT_MAX_QUEUED_BYTES);
    }

    public EventHub(String threadName, int maxQueued, long maxQueuedBytes) {
        if (maxQueued < 1 || maxQueuedBytes < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxQueued = maxQueued;
        this.maxQueuedBytes = maxQueuedBytes;
        dispatcher = new Thread(this::run, threadName);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /**
     * Queues an event for dispatch, or, for an inbound event while the hub is full, counts it as
     * dropped. Records with seq &lt; 0 are numbered by the hub. Never blocks.
     */
    public void publish(EventRecord record) {
        if (closed) {
            return;
        }
        long size = Math.max(0, record.sizeBytes());
        if (record.direction() == Direction.IN && full(size)) {
            if (drops.add(record.name(), size, record.wallMillis(), record.monoNanos())) {
                enqueue(DROP_MARK, 0);
            }
            return;
        }
        enqueue(record, size);
    }

    private boolean full(long size) {
        long count = queuedCount.get();
        // One event larger than the whole bound still passes when nothing else waits.
        return count >= maxQueued || count > 0 && queuedBytes.get() + size > maxQueuedBytes;
    }

    private void enqueue(EventRecord record, long size) {
        queuedCount.incrementAndGet();
        queuedBytes.addAndGet(size);
        queue.offer(record);
        published.incrementAndGet();
        LockSupport.unpark(dispatcher);
    }

    public Subscription subscribe(EventBatchListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public long publishedCount() {
        return published.get();
    }

    /** Inbound events dropped because the hub was full, since it started. */
    public long droppedCount() {
        return drops.total();
    }

    /** Waits until everything published so far has reached the listeners. */
    public boolean awaitDispatched(Duration timeout) {
        long target = published.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (dispatched.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return true;
    }

    private void run() {
        List<EventRecord> batch = new ArrayList<>(256);
        while (true) {
            EventRecord next;
            long batchBytes = 0;
            int taken = 0;
            while (batch.size() < MAX_BATCH && batchBytes < MAX_BATCH_BYTES && (next = queue.poll()) != null) {
                long size = next == DROP_MARK ? 0 : Math.max(0, next.sizeBytes());
                queuedCount.decrementAndGet();
                queuedBytes.addAndGet(-size);
                batchBytes += size;
                taken++;
                if (next == DROP_MARK) {
                    next = drops.take(reason());
                    if (next == null) {
                        continue;
                    }
                }
                batch.add(next.seq() < 0 ? next.withSeq(nextSeq++) : next);
            }
            if (batch.isEmpty()) {
                dispatched.addAndGet(taken);
                if (closed) {
                    EventRecord last = drops.take(reason());
                    if (last == null) {
                        return;
                    }
                    batch.add(last.withSeq(nextSeq++));
                } else {
                    LockSupport.parkNanos(this, 50_000_000L);
                    continue;
                }
            }
            deliver(Collections.unmodifiableList(new ArrayList<>(batch)));
            dispatched.addAndGet(taken);
            batch.clear();
        }
    }

    private String reason() {
        return "event hub full (" + maxQueued + " events or " + (maxQueuedBytes >> 20) + " MiB waiting)";
    }

    private void deliver(List<EventRecord> view) {
        for (EventBatchListener listener : listeners) {
            try {
                listener.onEvents(view);
            } catch (RuntimeException e) {
                // Logged once per listener: a listener failing on every batch must not flood the log.
                if (failedListeners.add(listener)) {
                    LOG.error(
                            "event listener {} failed; it keeps receiving (further failures not logged)", listener, e);
                }
            }
        }
    }

    /** Delivers what is queued (and a last drop record if drops are untold), then stops the dispatch thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LockSupport.unpark(dispatcher);
        try {
            dispatcher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        void unsubscribe();

        @Override
        default void close() {
            unsubscribe();
        }
    }
}
