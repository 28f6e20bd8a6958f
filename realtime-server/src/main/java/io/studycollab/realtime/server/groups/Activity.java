package io.studycollab.realtime.server.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.protocol.ProtocolViolation;
import io.studycollab.realtime.server.events.CustomEvent;
import io.studycollab.realtime.server.events.Payload;
import io.studycollab.realtime.server.session.SocketSession;
import io.studycollab.realtime.time.Clock;

/**
 * What a member does in their group (§3): {@code presence:update}, {@code cursor:update},
 * {@code tool:change} and {@code event:emit}. Each validates before it checks membership, and any
 * activity brings a member the inactivity sweep had marked inactive back, announced to the others.
 */
public final class Activity {

    private final GroupRegistry registry;
    private final GroupEvents events;
    private final Clock clock;

    public Activity(GroupRegistry registry, GroupEvents events, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    public ObjectNode presenceUpdate(SocketSession s, JsonNode p) {
        Payload.object(p);
        Boolean active = null;
        JsonNode a = p.get("isActive");
        if (a != null) {
            if (!a.isBoolean()) {
                throw ProtocolViolation.invalid("isActive must be a boolean");
            }
            active = a.booleanValue();
        }
        JsonNode t = p.get("currentTool");
        String tool = t == null || t.isNull() ? null : ProtocolRules.tool(t);
        JsonNode c = p.get("cursor");
        Payloads.Cursor cursor = c == null || c.isNull() ? null : ProtocolRules.cursor(c);
        String groupId = Payload.currentGroup(s);
        GroupRegistry.Changed changed = registry.updatePresence(
                groupId,
                s.user().userId(),
                active,
                tool,
                t != null && t.isNull(),
                cursor,
                c != null && c.isNull(),
                clock.wallMillis(),
                clock.monoNanos());
        if (changed == null) {
            throw new ProtocolViolation(ErrorCodes.NOT_IN_GROUP, "join a group first");
        }
        events.presence(changed, s);
        ObjectNode body = ProtocolCodec.object();
        body.set("user", changed.user());
        return body;
    }

    /** Cursor updates are the one event the group's fan-out budget may hold back (latest wins). */
    public ObjectNode cursor(SocketSession s, JsonNode p) {
        Payloads.Cursor cursor = ProtocolRules.cursor(p);
        String groupId = Payload.currentGroup(s);
        long now = active(s, groupId, cursor, null);
        ObjectNode event = ProtocolCodec.object()
                .put("groupId", groupId)
                .put("userId", s.user().userId());
        event.putObject("cursor").put("x", cursor.x()).put("y", cursor.y());
        event.put("ts", now);
        events.cursor(groupId, s, event);
        return ProtocolCodec.object();
    }

    public ObjectNode tool(SocketSession s, JsonNode p) {
        String tool = ProtocolRules.tool(Payload.object(p).get("tool"));
        String groupId = Payload.currentGroup(s);
        active(s, groupId, null, tool);
        events.toOthers(
                groupId,
                EventNames.USER_TOOL_CHANGED,
                ProtocolCodec.object()
                        .put("groupId", groupId)
                        .put("userId", s.user().userId())
                        .put("tool", tool),
                s);
        return ProtocolCodec.object().put("tool", tool);
    }

    /** {@code event:emit}: the custom event to the others in the socket's group. */
    public ObjectNode relay(SocketSession s, JsonNode p) {
        CustomEvent e = CustomEvent.parse(p);
        if (e.groupId() != null) {
            Payload.requireIn(s, e.groupId());
        }
        String groupId = Payload.currentGroup(s);
        long now = active(s, groupId, null, null);
        ObjectNode out = ProtocolCodec.object().put("from", s.user().userId()).put("groupId", groupId);
        out.set("data", e.data());
        out.put("ts", now);
        int delivered = events.recipients(groupId, s.id());
        events.toOthers(groupId, e.event(), out, s);
        return ProtocolCodec.object().put("delivered", delivered);
    }

    /** Records the activity; returns its wall time. */
    private long active(SocketSession s, String groupId, Payloads.Cursor cursor, String tool) {
        long now = clock.wallMillis();
        GroupRegistry.Changed reactivated =
                registry.activity(groupId, s.user().userId(), cursor, tool, now, clock.monoNanos());
        if (reactivated != null) {
            events.presence(reactivated, s);
        }
        return now;
    }
}
