package io.studycollab.realtime.events;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A filter's name criterion (and its free text in the name) over one scan of the history, answered
 * once per pooled name instance:
 * the history keeps one instance of each name ({@link StringPool}), so a million events carry a
 * handful, and a glob matched per event was most of a filter's time. Not thread-safe: one scan.
 */
final class NameMatches {

    private static final int MAX_REMEMBERED = 4096;

    private final EventFilter filter;
    private final Map<String, Boolean> seen = new IdentityHashMap<>();
    private String lastName;
    private boolean lastAnswer;
    // the same for the free text in the name (lower-casing each event's name was a String per event)
    private final Map<String, Boolean> textSeen = new IdentityHashMap<>();
    private String lastTextName;
    private boolean lastTextAnswer;

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

    /** Whether the filter's free text is in {@code name} (the filter has text). */
    boolean textInName(String name) {
        if (name == lastTextName && lastTextName != null) {
            return lastTextAnswer;
        }
        Boolean known = textSeen.get(name);
        boolean answer = known != null ? known : filter.textInName(name);
        if (known == null && textSeen.size() < MAX_REMEMBERED) {
            textSeen.put(name, answer);
        }
        lastTextName = name;
        lastTextAnswer = answer;
        return answer;
    }
}
