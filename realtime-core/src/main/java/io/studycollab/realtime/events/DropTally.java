package io.studycollab.realtime.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts inbound events dropped under overload until someone takes the tally and turns it into a
 * {@code client:dropped} record, so a session file says exactly what it is missing: how many
 * events, how many bytes, and how many of each name (the first {@value #NAMES} names; the rest
 * under {@code "…"}). Thread-safe; called from whichever thread drops.
 */
public final class DropTally {

    static final int NAMES = 32;
    private static final String OTHER_NAMES = "…";

    private final String where;
    private long events;
    private long bytes;
    private long total;
    private long lastWall;
    private long lastMono;
    private final Map<String, Long> byName = new LinkedHashMap<>();

    /** @param where which stage drops ({@code "ingress"}, {@code "hub"}), written into each record */
    public DropTally(String where) {
        this.where = where;
    }

    /** Counts one dropped event; true when it is the first since the last {@link #take}. */
    public synchronized boolean add(String name, long sizeBytes, long wallMillis, long monoNanos) {
        boolean first = events == 0;
        lastWall = wallMillis;
        lastMono = monoNanos;
        events++;
        total++;
        bytes += Math.max(0, sizeBytes);
        String key = name == null ? "?" : byName.containsKey(name) || byName.size() < NAMES ? name : OTHER_NAMES;
        byName.merge(key, 1L, Long::sum);
        return first;
    }

    /** Every event dropped since this tally was made. */
    public synchronized long total() {
        return total;
    }

    /** True when drops are counted that no record reports yet. */
    public synchronized boolean pending() {
        return events > 0;
    }

    /**
     * The {@code client:dropped} record for everything counted since the last call (stamped with
     * the time of the last drop), or null when nothing was dropped; the count starts again from zero.
     */
    public synchronized EventRecord take(String reason) {
        if (events == 0) {
            return null;
        }
        ObjectNode body = ProtocolCodec.object()
                .put("where", where)
                .put("events", events)
                .put("bytes", bytes)
                .put("reason", reason);
        ObjectNode names = body.putObject("byEvent");
        byName.forEach(names::put);
        events = 0;
        bytes = 0;
        byName.clear();
        return EventRecord.of(
                Direction.LOCAL,
                EventNames.CLIENT_DROPPED,
                body,
                ProtocolCodec.sizeOf(body),
                null,
                lastWall,
                lastMono,
                null);
    }
}
