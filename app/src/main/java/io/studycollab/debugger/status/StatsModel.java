package io.studycollab.debugger.status;

import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.events.EventRecord;
import java.util.ArrayDeque;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** Figures for the status bar: events per second, total, malformed, dropped, heap. */
public final class StatsModel {

    private final ReadOnlyDoubleWrapper eventsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper malformed = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper();
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
        dropped.set(evictedFromHistory + connection.queueDropped());
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

    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty heapUsedBytesProperty() {
        return heapUsedBytes.getReadOnlyProperty();
    }
}
