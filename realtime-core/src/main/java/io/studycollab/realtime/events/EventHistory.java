package io.studycollab.realtime.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The most recent events, in a bounded ring buffer: the oldest are evicted (and counted) when full.
 * The default of 100 is what the original web page kept; a debugger user raises it.
 */
public final class EventHistory implements EventBatchListener {

    public static final int DEFAULT_CAPACITY = 100;
    public static final int MAX_CAPACITY = 10_000_000;

    private EventRecord[] ring;
    private int head; // index of the oldest
    private int size;
    private long total;
    private long evicted;
    private long malformed;

    public EventHistory() {
        this(DEFAULT_CAPACITY);
    }

    public EventHistory(int capacity) {
        ring = new EventRecord[checkCapacity(capacity)];
    }

    private static int checkCapacity(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("history capacity must be 1.." + MAX_CAPACITY + ", got " + capacity);
        }
        return capacity;
    }

    @Override
    public void onEvents(List<EventRecord> batch) {
        addAll(batch);
    }

    public synchronized void add(EventRecord record) {
        total++;
        if (record.malformed()) {
            malformed++;
        }
        if (size == ring.length) {
            ring[head] = record;
            head = (head + 1) % ring.length;
            evicted++;
        } else {
            ring[(head + size) % ring.length] = record;
            size++;
        }
    }

    public synchronized void addAll(List<EventRecord> records) {
        for (EventRecord r : records) {
            add(r);
        }
    }

    /** Changes the bound, keeping the newest events that fit. */
    public synchronized void setCapacity(int capacity) {
        checkCapacity(capacity);
        List<EventRecord> kept = snapshotUnlocked();
        int drop = Math.max(0, kept.size() - capacity);
        evicted += drop;
        ring = new EventRecord[capacity];
        head = 0;
        size = 0;
        for (int i = drop; i < kept.size(); i++) {
            ring[size++] = kept.get(i);
        }
    }

    public synchronized int capacity() {
        return ring.length;
    }

    public synchronized int size() {
        return size;
    }

    /** Every event ever added, evicted or not. */
    public synchronized long total() {
        return total;
    }

    public synchronized long evicted() {
        return evicted;
    }

    public synchronized long malformed() {
        return malformed;
    }

    /** Oldest first. */
    public synchronized List<EventRecord> snapshot() {
        return snapshotUnlocked();
    }

    public synchronized List<EventRecord> matching(Predicate<EventRecord> filter) {
        List<EventRecord> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            EventRecord r = ring[(head + i) % ring.length];
            if (filter.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The newest event, or null when empty. */
    public synchronized EventRecord last() {
        return size == 0 ? null : ring[(head + size - 1) % ring.length];
    }

    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        head = 0;
        size = 0;
    }

    private List<EventRecord> snapshotUnlocked() {
        List<EventRecord> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(ring[(head + i) % ring.length]);
        }
        return out;
    }
}
