package io.studycollab.debugger.status;

import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import java.util.ArrayDeque;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * Figures for the status bar: events per second, total, malformed, heap; events evicted from the
 * log's history (by design: it keeps the newest N) apart from events really lost (dropped by the
 * client under overload, reported in {@code client:dropped} records, or by the offline queue).
 */
public final class StatsModel {

    private final ReadOnlyDoubleWrapper eventsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper malformed = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper evicted = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper lost = new ReadOnlyLongWrapper();
    private long droppedByHub;
    private final ReadOnlyLongWrapper heapUsedBytes = new ReadOnlyLongWrapper();
    private final ArrayDeque<long[]> window = new ArrayDeque<>(); // {nanos, count}
    private long windowCount;

    public void onBatch(List<EventRecord> batch) {
        long now = System.nanoTime();
        window.addLast(new long[] {now, batch.size()});
        windowCount += batch.size();
        total.set(total.get() + batch.size());
        long bad = 0;
        for (EventRecord r : batch) {
            if (r.malformed()) {
                bad++;
            }
            if (EventNames.CLIENT_DROPPED.equals(r.name()) && r.payload() != null) {
                droppedByHub += r.payload().path("events").asLong(0);
            }
        }
        malformed.set(malformed.get() + bad);
    }

    /** Per pulse: slide the one-second window, read drops and heap. */
    public void refresh(long evictedFromHistory, ConnectionSnapshot connection) {
        long now = System.nanoTime();
        while (!window.isEmpty() && now - window.peekFirst()[0] > 1_000_000_000L) {
            windowCount -= window.removeFirst()[1];
        }
        eventsPerSecond.set(windowCount);
        evicted.set(evictedFromHistory);
        lost.set(droppedByHub + connection.queueDropped());
        Runtime rt = Runtime.getRuntime();
        heapUsedBytes.set(rt.totalMemory() - rt.freeMemory());
    }

    public ReadOnlyDoubleProperty eventsPerSecondProperty() {
        return eventsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty malformedProperty() {
        return malformed.getReadOnlyProperty();
    }

    /** Events the history let go of to stay within its limit (still in any recording). */
    public ReadOnlyLongProperty evictedProperty() {
        return evicted.getReadOnlyProperty();
    }

    /** Events that never reached the window: dropped under overload or by the full offline queue. */
    public ReadOnlyLongProperty lostProperty() {
        return lost.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty heapUsedBytesProperty() {
        return heapUsedBytes.getReadOnlyProperty();
    }
}
