package io.studycollab.realtime.session;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strings a recording writes over and over (payload field names, event names, group and user ids)
 * kept already quoted and UTF-8 encoded, so the writer copies bytes instead of escaping and
 * encoding the same characters for every record: that was a third of the writer's time. Bounded,
 * as a hostile server can invent names without end; past the bound strings are encoded each time.
 */
final class EncodedStrings {

    static final int LIMIT = 8192;
    // Longer strings are rarely repeated names; not worth the memory.
    private static final int LONGEST = 64;

    private final Map<String, SerializedString> known = new ConcurrentHashMap<>();

    /** The encoded form of {@code s}, or null when it is not kept (too long, or the bound is reached). */
    SerializableString get(String s) {
        SerializedString e = known.get(s);
        if (e != null || s.length() > LONGEST || known.size() >= LIMIT) {
            return e;
        }
        e = new SerializedString(s);
        known.put(s, e);
        return e;
    }
}
