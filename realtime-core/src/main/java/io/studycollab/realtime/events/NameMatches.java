package io.studycollab.realtime.events;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A filter's name criterion over one scan of the history, answered once per pooled name instance:
 * the history keeps one instance of each name ({@link StringPool}), so a million events carry a
 * handful, and a glob matched per event was most of a filter's time. Not thread-safe: one scan.
 */
final class NameMatches {

    private static final int MAX_REMEMBERED = 4096;

    private final EventFilter filter;
    private final Map<String, Boolean> seen = new IdentityHashMap<>();
    private String lastName;
    private boolean lastAnswer;

    NameMatches(EventFilter filter) {
        this.filter = filter;
    }

    boolean test(String name) {
        if (name == lastName && lastName != null) {
            return lastAnswer;
        }
        Boolean known = seen.get(name);
        boolean answer = known != null ? known : filter.matchesName(name);
        if (known == null && seen.size() < MAX_REMEMBERED) {
            seen.put(name, answer);
        }
        lastName = name;
        lastAnswer = answer;
        return answer;
    }
}
