package io.studycollab.realtime.client;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.time.ManualClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** What the client's parts share, for their unit tests: a manual clock, records kept in a list, no event thread. */
final class ClientPartsFixture {

    final ManualClock clock = new ManualClock(System.currentTimeMillis());
    final List<EventRecord> records = new CopyOnWriteArrayList<>();
    final ClientRecords out = new ClientRecords(records::add, clock, () -> "me");
    /** Runs what would hop onto the event thread right away, on the thread that advances the clock. */
    final Consumer<Runnable> loop = Runnable::run;

    List<EventRecord> named(String name) {
        return records.stream().filter(r -> r.name().equals(name)).toList();
    }
}
