package io.studycollab.debugger.eventlog;

import io.studycollab.realtime.events.EventRecord;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Collapses runs of consecutive events of one name from one sender (and direction) into one row:
 * the run's first event stands for it, with how many there are and how fast they came. A run whose
 * first event's seq is in {@code expanded} keeps all its rows. Pure: no JavaFX, no clock.
 */
final class RunCollapser {

    /** A run of {@code count} events from {@code first} to {@code last}. */
    record Run(EventRecord first, EventRecord last, int count, boolean expanded) {

        /** Events per second over the run (0 when it is one event or all in one millisecond). */
        double perSecond() {
            long span = last.wallMillis() - first.wallMillis();
            return count < 2 || span <= 0 ? 0 : (count - 1) * 1000.0 / span;
        }
    }

    /** The rows to show and, for each row that stands for a run of two or more, that run. */
    record Result(List<EventRecord> rows, Map<EventRecord, Run> runs) {}

    private RunCollapser() {}

    static Result collapse(List<EventRecord> events, Set<Long> expanded) {
        List<EventRecord> rows = new ArrayList<>();
        Map<EventRecord, Run> runs = new IdentityHashMap<>();
        int i = 0;
        int n = events.size();
        while (i < n) {
            EventRecord first = events.get(i);
            int j = i + 1;
            while (j < n && sameRun(first, events.get(j))) {
                j++;
            }
            int count = j - i;
            boolean open = count > 1 && expanded.contains(first.seq());
            if (count > 1) {
                runs.put(first, new Run(first, events.get(j - 1), count, open));
            }
            if (open) {
                rows.addAll(events.subList(i, j));
            } else {
                rows.add(first);
            }
            i = j;
        }
        return new Result(rows, runs);
    }

    private static boolean sameRun(EventRecord a, EventRecord b) {
        return a.name().equals(b.name())
                && a.direction() == b.direction()
                && !b.malformed()
                && !a.malformed()
                && Objects.equals(a.userId(), b.userId());
    }
}
