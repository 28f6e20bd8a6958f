package io.studycollab.realtime.events;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Predicate;

/**
 * The most recent events, in a bounded ring: the oldest are evicted (and counted) when full. The
 * default of 100 is what the original web page kept; a debugger user raises it, up to ten million.
 *
 * <p>Records are kept in {@link HistoryColumns} (about 150 bytes for a small event) and built again
 * when read. {@link #snapshot()} and {@link #matching} return lists that copy the columns, not the
 * records: taking a million-event snapshot costs array copies, and records are built (their payload
 * parsed) only for the rows someone reads. Storage grows with use, so a large capacity costs nothing
 * until filled.
 */
public final class EventHistory implements EventBatchListener {

    public static final int DEFAULT_CAPACITY = 100;
    public static final int MAX_CAPACITY = 10_000_000;

    private static final int INITIAL_SLOTS = 1024;

    private final StringPool pool = new StringPool();
    private HistoryColumns ring;
    private int capacity;
    private int head; // slot of the oldest, once the ring is full; 0 while it grows
    private int size;
    private long total;
    private long evicted;
    private long malformed;

    public EventHistory() {
        this(DEFAULT_CAPACITY);
    }

    public EventHistory(int capacity) {
        this.capacity = checkCapacity(capacity);
        ring = new HistoryColumns(Math.min(capacity, INITIAL_SLOTS));
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
        if (size == capacity) {
            ring.put(head, record, pool);
            head = (head + 1) % capacity;
            evicted++;
            return;
        }
        if (size == ring.length()) { // still growing: head is 0 until the ring is full
            ring.resize((int) Math.min(capacity, 2L * ring.length()), size);
        }
        ring.put(size++, record, pool);
    }

    public synchronized void addAll(List<EventRecord> records) {
        for (EventRecord r : records) {
            add(r);
        }
    }

    /** Changes the bound, keeping the newest events that fit. */
    public synchronized void setCapacity(int newCapacity) {
        checkCapacity(newCapacity);
        int keep = Math.min(size, newCapacity);
        HistoryColumns kept = new HistoryColumns(Math.max(keep, Math.min(newCapacity, INITIAL_SLOTS)));
        gather(size - keep, keep, kept);
        evicted += size - keep;
        ring = kept;
        capacity = newCapacity;
        head = 0;
        size = keep;
    }

    public synchronized int capacity() {
        return capacity;
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

    /** Oldest first: an unchanging copy, whatever is added later. */
    public synchronized List<EventRecord> snapshot() {
        HistoryColumns copy = new HistoryColumns(size);
        gather(0, size, copy);
        return new ColumnList(copy, size);
    }

    /** The newest {@code k} events (all when fewer), oldest first: what jumping to the end shows, copied without the rest. */
    public synchronized List<EventRecord> tail(int k) {
        int count = Math.max(0, Math.min(k, size));
        HistoryColumns copy = new HistoryColumns(count);
        gather(size - count, count, copy);
        return new ColumnList(copy, count);
    }

    /** The events {@code filter} lets through, oldest first; an {@link EventFilter} is tested on the columns. */
    public synchronized List<EventRecord> matching(Predicate<EventRecord> filter) {
        int[] hits = new int[Math.min(size, 1024)];
        int count = 0;
        EventFilter fast = filter instanceof EventFilter f ? f : null;
        // Names are pooled, so a handful of instances: each one's glob is matched once, not per event.
        NameMatches names = fast == null ? null : new NameMatches(fast);
        for (int i = 0; i < size; i++) {
            int slot = slot(i);
            if (fast != null ? ring.matches(slot, fast, names) : filter.test(ring.get(slot))) {
                if (count == hits.length) {
                    hits = Arrays.copyOf(hits, Math.min(size, hits.length * 2));
                }
                hits[count++] = slot;
            }
        }
        HistoryColumns copy = new HistoryColumns(count);
        for (int i = 0; i < count; i++) {
            copy.copy(ring, hits[i], i);
        }
        return new ColumnList(copy, count);
    }

    /** The newest event, or null when empty. */
    public synchronized EventRecord last() {
        return size == 0 ? null : ring.get(slot(size - 1));
    }

    public synchronized void clear() {
        ring = new HistoryColumns(Math.min(capacity, INITIAL_SLOTS));
        head = 0;
        size = 0;
    }

    private int slot(int index) {
        int s = head + index;
        return s >= capacity ? s - capacity : s;
    }

    /** Copies {@code count} records starting at position {@code from} (0 = oldest) into {@code to}, in order. */
    private void gather(int from, int count, HistoryColumns to) {
        int start = slot(from);
        int firstRun = Math.min(count, ring.length() - start);
        to.copyRange(ring, start, 0, firstRun);
        if (firstRun < count) {
            to.copyRange(ring, 0, firstRun, count - firstRun);
        }
    }

    /** A read-only list over copied columns; each {@code get} builds its record. */
    private static final class ColumnList extends AbstractList<EventRecord> implements RandomAccess {
        private final HistoryColumns columns;
        private final int size;

        ColumnList(HistoryColumns columns, int size) {
            this.columns = columns;
            this.size = size;
        }

        @Override
        public EventRecord get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + ", size " + size);
            }
            return columns.get(index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** For tests: distinct strings shared by the stored records. */
    synchronized int pooledStrings() {
        return pool.size();
    }
}
