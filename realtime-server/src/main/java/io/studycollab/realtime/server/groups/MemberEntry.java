package io.studycollab.realtime.server.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** One user in one group, however many of their sockets are in it. Guarded by the {@link GroupRegistry}. */
final class MemberEntry {

    final String userId;
    final String displayName;
    final String avatarUrl;
    final Set<UUID> sockets = new HashSet<>();
    Payloads.Cursor cursor;
    boolean active = true;
    String currentTool;
    long lastSeenMillis;
    long lastEventNanos;

    MemberEntry(String userId, String displayName, String avatarUrl) {
        this.userId = userId;
        this.displayName = displayName;
        this.avatarUrl = avatarUrl;
    }

    void touch(long nowMillis, long nowNanos) {
        lastSeenMillis = nowMillis;
        lastEventNanos = nowNanos;
    }

    /** The UserPresence object of §2. */
    ObjectNode toJson(String groupId) {
        ObjectNode o = ProtocolCodec.object();
        o.put("userId", userId);
        o.put("displayName", displayName);
        o.put("avatarUrl", avatarUrl);
        o.put("groupId", groupId);
        if (cursor == null) {
            o.putNull("cursor");
        } else {
            o.putObject("cursor").put("x", cursor.x()).put("y", cursor.y());
        }
        o.put("isActive", active);
        o.put("currentTool", currentTool);
        o.put("lastSeen", Instant.ofEpochMilli(lastSeenMillis).toString());
        return o;
    }
}
