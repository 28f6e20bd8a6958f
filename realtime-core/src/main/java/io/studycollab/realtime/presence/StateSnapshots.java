package io.studycollab.realtime.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code client:snapshot} record: the state a recording starts from. A recording begun mid-session
 * holds no {@code group:joined}, so without it a replay would show an empty group until someone
 * happened to rejoin. The members are written as protocol {@code UserPresence} objects so the fold
 * reads them the way it reads {@code group:joined}.
 */
public final class StateSnapshots {

    /** What a snapshot restores. */
    public record State(boolean connected, String selfUserId, String groupId, List<Payloads.UserPresence> members) {}

    private StateSnapshots() {}

    /**
     * A snapshot record of {@code presence} (and, when known, the connection it came through).
     *
     * @param reason why it was written: {@code recording-started} or {@code group-changed}
     * @param seq    the seq of the last record the snapshot includes (0 when none)
     */
    public static EventRecord record(
            PresenceSnapshot presence,
            ConnectionSnapshot connection,
            String reason,
            long seq,
            long wallMillis,
            long monoNanos) {
        ObjectNode p = ProtocolCodec.object();
        p.put("reason", reason);
        p.put("connected", presence.connected());
        p.put("selfUserId", presence.selfUserId());
        p.put("groupId", presence.groupId());
        if (connection != null) {
            ObjectNode c = p.putObject("connection");
            c.put("state", connection.state().name());
            c.put("url", connection.url());
            c.put("transport", connection.transport());
            c.put("socketId", connection.socketId());
            c.put("userId", connection.userId());
            c.put("displayName", connection.displayName());
        }
        ArrayNode members = p.putArray("members");
        for (Member m : presence.members()) {
            members.add(ProtocolCodec.toTree(new Payloads.UserPresence(
                    m.userId(),
                    m.displayName(),
                    m.avatarUrl(),
                    presence.groupId(),
                    m.cursor(),
                    m.active(),
                    m.currentTool(),
                    m.lastSeen())));
        }
        EventRecord r = EventRecord.of(
                Direction.LOCAL,
                EventNames.CLIENT_SNAPSHOT,
                p,
                ProtocolCodec.write(p).getBytes(StandardCharsets.UTF_8).length,
                null,
                wallMillis,
                monoNanos,
                presence.selfUserId());
        return r.withSeq(seq);
    }

    /** Reads a snapshot payload; fields it lacks read as empty. */
    public static State read(JsonNode p) {
        List<Payloads.UserPresence> members = new ArrayList<>();
        for (JsonNode m : p.path("members")) {
            members.add(ProtocolCodec.fromTree(m, Payloads.UserPresence.class));
        }
        return new State(
                p.path("connected").asBoolean(false),
                p.path("selfUserId").asText(null),
                p.path("groupId").isTextual() ? p.get("groupId").asText() : null,
                List.copyOf(members));
    }
}
