package io.studycollab.realtime.proxy;

import io.studycollab.realtime.events.EventRecord;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's records, published in the order their packets arrived but made off the relay path:
 * the network thread forwards a packet first and queues how to decode it; the queue's own thread
 * (or whoever calls {@link #drain()}) decodes and publishes, a batch at a time: while packets flow
 * it looks every 4 ms rather than being woken per packet, and sleeps once they stop. Every record is kept: past
 * {@code bound} waiting, the thread that queues decodes the backlog itself before it relays more,
 * so a flood the decoder cannot keep up with slows the relay instead of growing the heap or losing
 * records. One drainer at a time (a lock), so the order is the order of {@link #add}.
 */
public final class RecordQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordQueue.class);
    /** One lock hold of the pump thread: short, so a relay thread that must help waits little. */
    private static final int PUMP_BATCH = 512;
    /**
     * While packets flow, the pump looks for records this often instead of being woken for each:
     * on a quiet machine every packet found the pump asleep, so each cost the relay thread a wake-up
     * call and the pump (and the hub after it) a thread switch. Records come at most this much later.
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    /** Lingers in a row that found nothing before the pump sleeps until a record wakes it (0.2 s). */
    private static final int IDLE_LINGERS = 50;
    /** Asleep, not lingering: the next record wakes it. */
    private static final long SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Consumer<EventRecord> publish;
    private final int bound;
    private final ConcurrentLinkedQueue<Supplier<EventRecord>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ReentrantLock drainer = new ReentrantLock();
    private volatile Thread pump;
    private volatile boolean closed;
    private volatile boolean failureLogged;
    private volatile boolean sleeping;

    public RecordQueue(Consumer<EventRecord> publish, int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be positive");
        }
        this.publish = publish;
        this.bound = bound;
    }

    /** A record made already (a rule firing, a connection opening): published after those queued before it. */
    public void publish(EventRecord record) {
        add(() -> record);
    }

    /** Queues how to make a record; it is made and published after everything queued before it. */
    public void add(Supplier<EventRecord> record) {
        queue.offer(record);
        int n = waiting.incrementAndGet();
        Thread t = pump;
        if (n > bound || t == null) {
            // no pump (a test, or not started yet), or a backlog past the bound: the caller catches up
            drainTo(t == null ? 0 : bound / 2);
            return;
        }
        if (sleeping) {
            // only a pump that stopped lingering needs waking: one wake-up per burst, not per packet
            LockSupport.unpark(t);
        }
    }

    /** How many records wait to be made. */
    public int waiting() {
        return waiting.get();
    }

    /** Makes and publishes everything queued so far, on the caller's thread. */
    public void drain() {
        drainTo(0);
    }

    private void drainTo(int target) {
        drainer.lock();
        try {
            while (waiting.get() > target && runOne()) {
                // runOne publishes
            }
        } finally {
            drainer.unlock();
        }
    }

    /** Caller holds the lock. */
    private boolean runOne() {
        Supplier<EventRecord> next = queue.poll();
        if (next == null) {
            return false;
        }
        waiting.decrementAndGet();
        try {
            EventRecord r = next.get();
            if (r != null) {
                publish.accept(r);
            }
        } catch (RuntimeException e) {
            // a decoder bug must not stop the records after it; said once, not per packet
            if (!failureLogged) {
                failureLogged = true;
                LOG.error("proxy: making a record failed (further failures not logged)", e);
            }
        }
        return true;
    }

    /** Starts the thread that makes the records; {@link #close()} stops it. */
    public synchronized void start(String threadName) {
        if (pump != null || closed) {
            return;
        }
        Thread t = new Thread(this::run, threadName);
        t.setDaemon(true);
        pump = t;
        t.start();
    }

    private void run() {
        int idle = 0;
        while (!closed) {
            if (waiting.get() > 0) {
                idle = 0;
                drainer.lock();
                try {
                    for (int i = 0; i < PUMP_BATCH && runOne(); i++) {
                        // runOne publishes
                    }
                } finally {
                    drainer.unlock();
                }
                if (waiting.get() < PUMP_BATCH) {
                    LockSupport.parkNanos(this, LINGER_NANOS); // let the next batch gather
                }
            } else if (++idle < IDLE_LINGERS) {
                LockSupport.parkNanos(this, LINGER_NANOS);
            } else {
                // traffic stopped: sleep until a record wakes it (add sees the flag, or this sees the record)
                sleeping = true;
                if (waiting.get() == 0 && !closed) {
                    LockSupport.parkNanos(this, SLEEP_NANOS);
                }
                sleeping = false;
                idle = 0;
            }
        }
    }

    /** Stops the thread, then makes and publishes what is still queued. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = pump;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pump = null;
        drain();
    }
}
