package io.studycollab.realtime.client;

import java.util.HashMap;
import java.util.Map;

/**
 * While two connections of one client are in the same group (the moments of a live token swap),
 * the server sends each broadcast to both. This keeps the first copy of each and drops its twin
 * from the other connection, whichever arrives first: an event is a duplicate when the other
 * connection already delivered one with the same name and payload that this one has not yet
 * matched. Events only one connection gets (its own handshake, acks, broadcasts from before the
 * second one joined) are never matched and pass through.
 *
 * <p>Confined to the event thread; lives only for the overlap.
 */
final class InboundDedup {

    private final Map<Long, Map<String, Integer>> unmatched = new HashMap<>();
    private int dropped;

    /** True when this is the first copy of {@code fingerprint} (keep it), false for a twin. */
    boolean firstCopy(long source, String fingerprint) {
        for (Map.Entry<Long, Map<String, Integer>> other : unmatched.entrySet()) {
            if (other.getKey() != source) {
                Integer n = other.getValue().get(fingerprint);
                if (n != null) {
                    if (n == 1) {
                        other.getValue().remove(fingerprint);
                    } else {
                        other.getValue().put(fingerprint, n - 1);
                    }
                    dropped++;
                    return false;
                }
            }
        }
        unmatched.computeIfAbsent(source, k -> new HashMap<>()).merge(fingerprint, 1, Integer::sum);
        return true;
    }

    /** Twins dropped so far. */
    int dropped() {
        return dropped;
    }

    /** Name and payload as they came off the wire: equal events have equal text. */
    static String fingerprint(Object[] args) {
        StringBuilder b = new StringBuilder(String.valueOf(args[0]));
        for (int i = 1; i < args.length; i++) {
            if (!(args[i] instanceof io.socket.client.Ack)) {
                b.append('\u0000').append(args[i]);
            }
        }
        return b.toString();
    }
}
