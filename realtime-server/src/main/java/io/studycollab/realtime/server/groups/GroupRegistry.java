package io.studycollab.realtime.server.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is in which group. One lock guards it all: every operation is a few map updates, and the
 * callers send events only after the lock is released.
 */
public final class GroupRegistry {

    private final Map<String, Map<String, MemberEntry>> groups = new LinkedHashMap<>();

    /** The outcome of a join. {@code user} is the joiner's presence; {@code newMember} is false for a second socket. */
    public record Joined(String groupId, ObjectNode user, boolean newMember, ArrayNode members) {}

    /**
     * The outcome of a leave; {@code lastSocket} says whether the user left the group's presence,
     * {@code groupEmpty} whether nobody is left in the group.
     */
    public record Left(String groupId, String userId, boolean lastSocket, boolean groupEmpty) {}

    /** A presence change others must hear about. */
    public record Changed(String groupId, String userId, ObjectNode user) {}

    public synchronized Joined join(
            String groupId,
            UUID socket,
            String userId,
            String displayName,
            String avatarUrl,
            long nowMillis,
            long nowNanos) {
        Map<String, MemberEntry> members = groups.computeIfAbsent(groupId, g -> new LinkedHashMap<>());
        MemberEntry m = members.get(userId);
        boolean fresh = m == null;
        if (fresh) {
            m = new MemberEntry(userId, displayName, avatarUrl);
            members.put(userId, m);
        }
        m.sockets.add(socket);
        m.touch(nowMillis, nowNanos);
        return new Joined(groupId, m.toJson(groupId), fresh, membersJson(groupId, members));
    }

    public synchronized Left leave(String groupId, UUID socket, String userId) {
        Map<String, MemberEntry> members = groups.get(groupId);
        MemberEntry m = members == null ? null : members.get(userId);
        if (m == null) {
            return new Left(groupId, userId, false, members == null);
        }
        m.sockets.remove(socket);
        boolean last = m.sockets.isEmpty();
        boolean empty = false;
        if (last) {
            members.remove(userId);
            if (members.isEmpty()) {
                groups.remove(groupId);
                empty = true;
            }
        }
        return new Left(groupId, userId, last, empty);
    }

    public synchronized ArrayNode members(String groupId) {
        Map<String, MemberEntry> members = groups.get(groupId);
        return members == null ? ProtocolCodec.mapper().createArrayNode() : membersJson(groupId, members);
    }

    private static ArrayNode membersJson(String groupId, Map<String, MemberEntry> members) {
        ArrayNode out = ProtocolCodec.mapper().createArrayNode();
        for (MemberEntry m : members.values()) {
            out.add(m.toJson(groupId));
        }
        return out;
    }

    /** Applies a partial presence update; null fields are left alone, {@code clear*} set them to null. */
    public synchronized Changed updatePresence(
            String groupId,
            String userId,
            Boolean active,
            String tool,
            boolean clearTool,
            Payloads.Cursor cursor,
            boolean clearCursor,
            long nowMillis,
            long nowNanos) {
        MemberEntry m = entry(groupId, userId);
        if (m == null) {
            return null;
        }
        if (active != null) {
            m.active = active;
        }
        if (tool != null || clearTool) {
            m.currentTool = tool;
        }
        if (cursor != null || clearCursor) {
            m.cursor = cursor;
        }
        m.touch(nowMillis, nowNanos);
        return new Changed(groupId, userId, m.toJson(groupId));
    }

    /**
     * Records activity (a cursor move or a tool change). Returns the presence to broadcast when the
     * user had been marked inactive and is now active again, else null.
     */
    public synchronized Changed activity(
            String groupId, String userId, Payloads.Cursor cursor, String tool, long nowMillis, long nowNanos) {
        MemberEntry m = entry(groupId, userId);
        if (m == null) {
            return null;
        }
        if (cursor != null) {
            m.cursor = cursor;
        }
        if (tool != null) {
            m.currentTool = tool;
        }
        m.touch(nowMillis, nowNanos);
        if (!m.active) {
            m.active = true;
            return new Changed(groupId, userId, m.toJson(groupId));
        }
        return null;
    }

    /** Marks inactive everyone silent for {@code inactiveNanos}; returns the changes to broadcast. */
    public synchronized List<Changed> sweep(long nowNanos, long inactiveNanos) {
        List<Changed> out = new ArrayList<>();
        groups.forEach((groupId, members) -> {
            for (MemberEntry m : members.values()) {
                if (m.active && nowNanos - m.lastEventNanos >= inactiveNanos) {
                    m.active = false;
                    out.add(new Changed(groupId, m.userId, m.toJson(groupId)));
                }
            }
        });
        return out;
    }

    /** {@code [{groupId, members: N}]} for the HTTP API. */
    public synchronized ArrayNode summary() {
        ArrayNode out = ProtocolCodec.mapper().createArrayNode();
        groups.forEach((g, members) -> out.addObject().put("groupId", g).put("members", members.size()));
        return out;
    }

    public synchronized int groupCount() {
        return groups.size();
    }

    private MemberEntry entry(String groupId, String userId) {
        Map<String, MemberEntry> members = groups.get(groupId);
        return members == null ? null : members.get(userId);
    }
}
