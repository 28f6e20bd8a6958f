package io.studycollab.realtime.interop;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventBatchListener;
import io.studycollab.realtime.events.EventRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects a hub's records for assertions. */
final class Recorder implements EventBatchListener {

    private final List<EventRecord> records = new ArrayList<>();

    @Override
    public synchronized void onEvents(List<EventRecord> batch) {
        records.addAll(batch);
    }

    synchronized List<EventRecord> all() {
        return new ArrayList<>(records);
    }

    synchronized List<EventRecord> where(Predicate<EventRecord> p) {
        return records.stream().filter(p).toList();
    }

    List<EventRecord> in(String name) {
        return where(r -> r.direction() == Direction.IN && r.name().equals(name));
    }

    List<EventRecord> local(String name) {
        return where(r -> r.direction() == Direction.LOCAL && r.name().equals(name));
    }

    boolean has(String name) {
        return !where(r -> r.name().equals(name)).isEmpty();
    }
}
