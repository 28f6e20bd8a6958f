package io.studycollab.debugger.eventlog;

import io.studycollab.realtime.events.EventRecord;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ModifiableObservableListBase;

/**
 * The log's records as an observable list that can append a batch and drop the oldest in one
 * change: a table over it then updates once per refresh, not once for the append and again for the trim.
 */
final class RecordList extends ModifiableObservableListBase<EventRecord> {

    private final ArrayList<EventRecord> items = new ArrayList<>();

    /** Appends {@code batch}, then removes the oldest so at most {@code limit} remain, as a single change. */
    void appendKeepingAtMost(List<EventRecord> batch, int limit) {
        int excess = items.size() + batch.size() - limit;
        List<EventRecord> adding = batch;
        beginChange();
        try {
            if (excess > 0) {
                int fromOld = Math.min(excess, items.size());
                List<EventRecord> old = items.subList(0, fromOld);
                nextRemove(0, new ArrayList<>(old));
                old.clear();
                adding = batch.subList(excess - fromOld, batch.size());
            }
            int from = items.size();
            items.addAll(adding);
            if (!adding.isEmpty()) {
                nextAdd(from, items.size());
            }
        } finally {
            endChange();
        }
    }

    @Override
    public EventRecord get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    protected void doAdd(int index, EventRecord element) {
        items.add(index, element);
    }

    @Override
    protected EventRecord doSet(int index, EventRecord element) {
        return items.set(index, element);
    }

    @Override
    protected EventRecord doRemove(int index) {
        return items.remove(index);
    }
}
