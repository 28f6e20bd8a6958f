package io.studycollab.realtime.events;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares one instance per distinct event name, user id and group id, so a million records from a
 * dozen users hold a dozen strings. Bounded: past {@link #MAX_ENTRIES} distinct values (a hostile
 * server inventing names) new values are kept as they are instead of growing the pool forever.
 */
final class StringPool {

    static final int MAX_ENTRIES = 16_384;

    private final Map<String, String> pool = new HashMap<>();

    String intern(String s) {
        if (s == null) {
            return null;
        }
        String shared = pool.get(s);
        if (shared != null) {
            return shared;
        }
        if (pool.size() < MAX_ENTRIES) {
            pool.put(s, s);
        }
        return s;
    }

    int size() {
        return pool.size();
    }
}
