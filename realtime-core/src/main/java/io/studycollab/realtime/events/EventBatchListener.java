package io.studycollab.realtime.events;

import java.util.List;

/** Receives events in batches, in order, on the hub's dispatch thread. Must not block for long. */
@FunctionalInterface
public interface EventBatchListener {
    void onEvents(List<EventRecord> batch);
}
