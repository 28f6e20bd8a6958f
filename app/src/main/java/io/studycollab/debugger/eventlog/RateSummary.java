package io.studycollab.debugger.eventlog;

import io.studycollab.realtime.events.EventRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which events came how often in the last seconds, and from whom: per event name, events per second
 * over a window ending at the newest event (record time, so it describes a replayed file the same
 * way as the live stream), and the senders, busiest first. Pure.
 */
final class RateSummary {

    /** One event name's line: {@code perSecond} over the window, senders with their counts. */
    record Line(String name, int count, double perSecond, Map<String, Integer> senders) {

        /** "bot-1 ×120, bot-2 ×80" (at most three, then "+N more"). */
        String sendersText() {
            List<String> parts = new ArrayList<>();
            int shown = 0;
            for (Map.Entry<String, Integer> e : senders.entrySet()) {
                if (shown++ == 3) {
                    parts.add("+" + (senders.size() - 3) + " more");
                    break;
                }
                parts.add(e.getKey() + " ×" + e.getValue());
            }
            return String.join(", ", parts);
        }
    }

    private RateSummary() {}

    /** Lines for the events of the last {@code windowMillis} in {@code events} (oldest first), busiest first. */
    static List<Line> of(List<EventRecord> events, long windowMillis) {
        if (events.isEmpty()) {
            return List.of();
        }
        long end = events.get(events.size() - 1).wallMillis();
        long start = end - windowMillis;
        Map<String, Map<String, Integer>> byName = new HashMap<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            EventRecord r = events.get(i);
            if (r.wallMillis() < start) {
                break;
            }
            String from = r.userId() == null ? r.direction().wire() : r.userId();
            byName.computeIfAbsent(r.name(), k -> new HashMap<>()).merge(from, 1, Integer::sum);
        }
        double seconds = windowMillis / 1000.0;
        return byName.entrySet().stream()
                .map(e -> {
                    int count = e.getValue().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum();
                    Map<String, Integer> senders = e.getValue().entrySet().stream()
                            .sorted(Map.Entry.<String, Integer>comparingByValue()
                                    .reversed())
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
                    return new Line(e.getKey(), count, count / seconds, senders);
                })
                .sorted(Comparator.comparingInt(Line::count).reversed().thenComparing(Line::name))
                .toList();
    }
}
