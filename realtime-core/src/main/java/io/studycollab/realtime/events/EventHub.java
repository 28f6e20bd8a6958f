package io.studycollab.realtime.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 */
public final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int MAX_BATCH = 4096;

    private final ConcurrentLinkedQueue<EventRecord> queue = new ConcurrentLinkedQueue<>();
    private final CopyOnWriteArrayList<EventBatchListener> listeners = new CopyOnWriteArrayList<>();
    private final java.util.Set<EventBatchListener> failedListeners =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dispatched = new AtomicLong();
    private final Thread dispatcher;
    private long nextSeq = 1;
    private volatile boolean closed;

    public EventHub() {
        this("event-hub");
    }

    public EventHub(String threadName) {
        dispatcher = new Thread(this::run, threadName);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Queues an event for dispatch. Records with seq &lt; 0 are numbered by the hub. */
    public void publish(EventRecord record) {
        if (closed) {
            return;
        }
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
            while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next.seq() < 0 ? next.withSeq(nextSeq++) : next);
            }
            if (batch.isEmpty()) {
                if (closed) {
                    return;
                }
                LockSupport.parkNanos(this, 50_000_000L);
                continue;
            }
            List<EventRecord> view = Collections.unmodifiableList(new ArrayList<>(batch));
            for (EventBatchListener listener : listeners) {
                try {
                    listener.onEvents(view);
                } catch (RuntimeException e) {
                    // Logged once per listener: a listener failing on every batch must not flood the log.
                    if (failedListeners.add(listener)) {
                        LOG.error(
                                "event listener {} failed; it keeps receiving (further failures not logged)",
                                listener,
                                e);
                    }
                }
            }
            dispatched.addAndGet(batch.size());
            batch.clear();
        }
    }

    /** Delivers what is queued, then stops the dispatch thread. */
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
