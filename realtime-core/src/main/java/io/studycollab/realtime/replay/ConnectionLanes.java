package io.studycollab.realtime.replay;

import io.studycollab.realtime.events.EventRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording split by connection (format version 2, written by the intercepting proxy): for each
 * connection id, the timeline indices of its records, in order. Records of our own client's single
 * connection carry no id and belong to no lane. Four bytes a record. Locked: a file is still being
 * indexed (added to) while the replay reads it.
 */
public final class ConnectionLanes {

    private final Map<String, Lane> lanes = new LinkedHashMap<>();

    private static final class Lane {
        int[] indices = new int[16];
        int size;

        void add(int i) {
            if (size == indices.length) {
                indices = Arrays.copyOf(indices, size * 2);
            }
            indices[size++] = i;
        }
    }

    synchronized void add(int index, EventRecord r) {
        String conn = r.packet().connection();
        if (conn != null) {
            lanes.computeIfAbsent(conn, c -> new Lane()).add(index);
        }
    }

    /** Connection ids in the order they first appear; empty for a version-1 recording. */
    public synchronized List<String> connections() {
        return new ArrayList<>(lanes.keySet());
    }

    /** Timeline indices of the records of {@code connection}, ascending (empty when unknown). */
    public synchronized int[] indices(String connection) {
        Lane l = lanes.get(connection);
        return l == null ? new int[0] : Arrays.copyOf(l.indices, l.size);
    }

    /** How many of the lane's records fall before timeline index {@code count} (its playhead). */
    public synchronized int countBefore(String connection, int count) {
        Lane l = lanes.get(connection);
        if (l == null) {
            return 0;
        }
        int pos = Arrays.binarySearch(l.indices, 0, l.size, count);
        return pos >= 0 ? pos : -pos - 1;
    }
}
