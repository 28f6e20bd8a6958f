package io.studycollab.realtime.replay;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.EventNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A recorded session as something to seek in: the presence at any position is the fold of the
 * records before it, computed from the nearest checkpoint, so seeking backwards is as exact as
 * playing forwards. Also lists the moments worth a marker on a timeline.
 */
public final class SessionTimeline {

    /** Something to mark on the timeline. */
    public enum MarkerKind { DROP, JOIN, LEAVE, ERROR, MALFORMED }

    public record Marker(int index, long wallMillis, MarkerKind kind, String label) {
    }

    private static final int CHECKPOINT_EVERY = 1000;

    private final List<EventRecord> records;
    private final List<PresenceTracker> checkpoints = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    public SessionTimeline(List<EventRecord> records) {
        this.records = List.copyOf(records);
        PresenceTracker fold = new PresenceTracker();
        for (int i = 0; i < this.records.size(); i++) {
            if (i % CHECKPOINT_EVERY == 0) {
                checkpoints.add(fold.copy());
            }
            EventRecord r = this.records.get(i);
            fold.apply(r);
            Marker m = markerFor(i, r);
            if (m != null) {
                markers.add(m);
            }
        }
    }

    private static Marker markerFor(int i, EventRecord r) {
        if (r.malformed()) {
            return new Marker(i, r.wallMillis(), MarkerKind.MALFORMED, r.name() + ": " + r.problem());
        }
        String name = r.name();
        if (EventNames.CONNECTION_LOST.equals(name)) {
            return new Marker(i, r.wallMillis(), MarkerKind.DROP, "connection lost: " + r.payload().path("reason").asText());
        }
        if (EventNames.CONNECTION_ERROR.equals(name) || EventNames.CLIENT_CONNECT_ERROR.equals(name)) {
            return new Marker(i, r.wallMillis(), MarkerKind.ERROR, name + " " + r.payload().path("code").asText(""));
        }
        if (r.direction() == Direction.IN && (EventNames.USER_JOINED.equals(name) || EventNames.GROUP_JOINED.equals(name))) {
            return new Marker(i, r.wallMillis(), MarkerKind.JOIN, name + " " + (r.userId() == null ? r.groupId() : r.userId()));
        }
        if (r.direction() == Direction.IN && (EventNames.USER_LEFT.equals(name) || EventNames.GROUP_LEFT.equals(name))) {
            return new Marker(i, r.wallMillis(), MarkerKind.LEAVE, name + " " + (r.userId() == null ? r.groupId() : r.userId()));
        }
        return r.category() == EventCategory.CONNECTION && r.direction() == Direction.LOCAL
                && "FAILED".equals(r.payload() == null ? null : r.payload().path("to").asText())
                ? new Marker(i, r.wallMillis(), MarkerKind.ERROR, "connection failed") : null;
    }

    public int size() {
        return records.size();
    }

    public List<EventRecord> records() {
        return records;
    }

    public List<Marker> markers() {
        return Collections.unmodifiableList(markers);
    }

    public long startMillis() {
        return records.isEmpty() ? 0 : records.get(0).wallMillis();
    }

    public long endMillis() {
        return records.isEmpty() ? 0 : records.get(records.size() - 1).wallMillis();
    }

    /** Presence after the first {@code count} records (0 = before any). */
    public PresenceSnapshot presenceAfter(int count) {
        int n = Math.max(0, Math.min(count, records.size()));
        int cp = Math.min(n / CHECKPOINT_EVERY, checkpoints.size() - 1);
        if (cp < 0) {
            return PresenceSnapshot.EMPTY;
        }
        PresenceTracker fold = checkpoints.get(cp).copy();
        fold.onEvents(records.subList(cp * CHECKPOINT_EVERY, n));
        return fold.snapshot();
    }

    /** How many records happened at or before {@code wallMillis}. */
    public int countAt(long wallMillis) {
        int lo = 0;
        int hi = records.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (records.get(mid).wallMillis() <= wallMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
