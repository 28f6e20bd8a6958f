package io.studycollab.realtime.presence;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventBatchListener;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Group presence as a fold over event records: the state after a prefix of the stream depends on
 * nothing but that prefix (record times included, never the wall clock), so live view and replay
 * run the same code and seeking is exact. Malformed records change nothing.
 */
public final class PresenceTracker implements EventBatchListener {

    /** The protocol's liveness window (§5). */
    public static final long INACTIVITY_MILLIS = 60_000;

    // Natural order: "Virtual 2" before "Virtual 10", as people count.
    private static final Comparator<Member> BY_NAME = Comparator.comparing(
                    (Member m) -> m.displayName() == null ? m.userId() : m.displayName(), NaturalOrder.INSTANCE)
            .thenComparing(Member::userId, NaturalOrder.INSTANCE);

    private final Map<String, Member> members = new LinkedHashMap<>();
    // Members' user ids sorted by name, kept while nobody joins, leaves or is renamed: cursor moves,
    // most of the traffic, then publish without sorting thousands of members per batch.
    private List<String> order;
    private String groupId;
    private String selfUserId;
    private boolean connected;
    private long asOf;
    private long folded;
    private volatile PresenceSnapshot snapshot = PresenceSnapshot.EMPTY;
    // Folded records not yet in the snapshot. The snapshot is made when asked for, not per batch:
    // at thousands of batches a second, copying thousands of members each time was the hub's main work.
    private volatile boolean unpublished;

    @Override
    public void onEvents(List<EventRecord> batch) {
        synchronized (this) {
            for (EventRecord r : batch) {
                applyUnpublished(r);
            }
            unpublished = true;
        }
    }

    /** Publishes what {@link #applyQuietly} folded in and returns it. */
    public synchronized PresenceSnapshot publishNow() {
        publish();
        return snapshot;
    }

    /** Folds one record in without publishing a snapshot (for indexing millions of records); see {@link #publishNow()}. */
    public synchronized void applyQuietly(EventRecord r) {
        applyUnpublished(r);
    }

    /** Folds one record in. */
    public synchronized void apply(EventRecord r) {
        applyUnpublished(r);
        publish();
    }

    /** The state after every record folded so far. */
    public PresenceSnapshot snapshot() {
        if (unpublished) {
            synchronized (this) {
                if (unpublished) {
                    publish();
                }
            }
        }
        return snapshot;
    }

    /** An independent tracker in the same state: a checkpoint to seek from. */
    public synchronized PresenceTracker copy() {
        publish();
        PresenceTracker c = new PresenceTracker();
        c.members.putAll(members);
        c.order = order;
        c.groupId = groupId;
        c.selfUserId = selfUserId;
        c.connected = connected;
        c.asOf = asOf;
        c.folded = folded;
        c.snapshot = snapshot;
        return c;
    }

    public synchronized void reset() {
        clearMembers();
        groupId = null;
        selfUserId = null;
        connected = false;
        asOf = 0;
        folded = 0;
        publish();
    }

    /** Members with no event for the liveness window at {@code nowMillis}, or marked inactive. */
    public static List<Member> inactive(PresenceSnapshot s, long nowMillis) {
        List<Member> out = new ArrayList<>();
        for (Member m : s.members()) {
            if (!m.active() || m.staleAt(nowMillis, INACTIVITY_MILLIS)) {
                out.add(m);
            }
        }
        return out;
    }

    private void applyUnpublished(EventRecord r) {
        folded++;
        asOf = r.wallMillis();
        if (r.malformed()) {
            return;
        }
        JsonNode p = r.payload();
        try {
            if (r.direction() == Direction.LOCAL) {
                local(r.name(), p);
            } else if (r.direction() == Direction.IN) {
                inbound(r, p);
            }
        } catch (ProtocolViolation | NullPointerException e) {
            // A record that validated but does not decode (e.g. from an older file): ignore it, as if malformed.
        }
    }

    private void local(String name, JsonNode p) {
        if (EventNames.CLIENT_STATE.equals(name)) {
            connected = "CONNECTED".equals(p.path("to").asText());
            if (!connected) {
                // Members seen before a drop are unknown until the rejoin answers.
                clearMembers();
            }
        } else if (EventNames.CONNECTION_LOST.equals(name)) {
            connected = false;
            clearMembers();
        } else if (EventNames.CLIENT_SNAPSHOT.equals(name)) {
            restore(StateSnapshots.read(p), asOf);
        }
    }

    /** Replaces the whole state with a recorded snapshot (member times become the record's time). */
    private void restore(StateSnapshots.State s, long at) {
        connected = s.connected();
        selfUserId = s.selfUserId();
        groupId = s.groupId();
        clearMembers();
        for (Payloads.UserPresence u : s.members()) {
            putMember(Member.of(u, at));
        }
    }

    private void inbound(EventRecord r, JsonNode p) {
        long at = r.wallMillis();
        switch (r.name()) {
            case EventNames.CONNECTION_ESTABLISHED -> {
                selfUserId = p.path("userId").asText(null);
                connected = true;
            }
            case EventNames.GROUP_JOINED, EventNames.GROUP_PRESENCE -> {
                Payloads.GroupMembers g = ProtocolCodec.fromTree(p, Payloads.GroupMembers.class);
                if (EventNames.GROUP_JOINED.equals(r.name()) || g.groupId().equals(groupId)) {
                    groupId = g.groupId();
                    clearMembers();
                    for (Payloads.UserPresence u : g.members()) {
                        putMember(Member.of(u, at));
                    }
                }
            }
            case EventNames.GROUP_LEFT -> {
                if (p.path("groupId").asText().equals(groupId)) {
                    groupId = null;
                    clearMembers();
                }
            }
            case EventNames.USER_JOINED, EventNames.USER_PRESENCE_UPDATED -> {
                if (inGroup(p)) {
                    Payloads.UserPresence u = ProtocolCodec.fromTree(p.get("user"), Payloads.UserPresence.class);
                    Member old = members.get(u.userId());
                    Member fresh = Member.of(u, at);
                    if (old != null && fresh.cursor() != null && fresh.cursor().equals(old.cursor())) {
                        fresh = new Member(
                                fresh.userId(),
                                fresh.displayName(),
                                fresh.avatarUrl(),
                                fresh.cursor(),
                                fresh.active(),
                                fresh.currentTool(),
                                fresh.lastSeen(),
                                at,
                                old.cursorMillis());
                    }
                    putMember(fresh);
                }
            }
            case EventNames.USER_LEFT -> {
                if (inGroup(p)) {
                    removeMember(p.path("userId").asText());
                }
            }
            case EventNames.USER_CURSOR_UPDATED -> {
                Member m = inGroup(p) ? members.get(p.path("userId").asText()) : null;
                if (m != null) {
                    putMember(m.withCursor(ProtocolCodec.fromTree(p.get("cursor"), Payloads.Cursor.class), at));
                }
            }
            case EventNames.USER_TOOL_CHANGED -> {
                Member m = inGroup(p) ? members.get(p.path("userId").asText()) : null;
                if (m != null) {
                    JsonNode tool = p.get("tool");
                    putMember(m.withTool(tool == null || tool.isNull() ? null : tool.asText(), at));
                }
            }
            default -> {
                if (!EventNames.isProtocolEvent(r.name()) && inGroup(p)) {
                    Member m = members.get(p.path("from").asText());
                    if (m != null) {
                        putMember(m.touched(at));
                    }
                }
            }
        }
    }

    private boolean inGroup(JsonNode p) {
        return groupId != null && groupId.equals(p.path("groupId").asText(null));
    }

    private void putMember(Member m) {
        Member old = members.put(m.userId(), m);
        if (old == null || !Objects.equals(old.displayName(), m.displayName())) {
            order = null;
        }
    }

    private void removeMember(String userId) {
        if (members.remove(userId) != null) {
            order = null;
        }
    }

    private void clearMembers() {
        members.clear();
        order = null;
    }

    private void publish() {
        if (order == null) {
            List<Member> sorted = new ArrayList<>(members.values());
            sorted.sort(BY_NAME);
            order = sorted.stream().map(Member::userId).toList();
        }
        Member[] list = new Member[order.size()];
        for (int i = 0; i < list.length; i++) {
            list[i] = members.get(order.get(i));
        }
        snapshot = new PresenceSnapshot(groupId, selfUserId, List.of(list), connected, asOf, folded);
        unpublished = false;
    }
}
