package io.studycollab.realtime.server.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolViolation;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.auth.VerifiedUser;
import io.studycollab.realtime.server.events.Payload;
import io.studycollab.realtime.server.session.SocketSession;
import io.studycollab.realtime.time.Clock;

/**
 * Who is in which group, as sockets change it: {@code group:join}, {@code group:leave},
 * {@code group:presence} (§3), and leaving when a socket goes. A membership change and the events
 * announcing it happen under one lock, so a member list never misses a user whose
 * {@code user:joined} the joiner will not receive.
 */
public final class Membership {

    private final GroupRegistry registry;
    private final GroupEvents events;
    private final Clock clock;
    private final ServerConfig.GroupsPolicy policy;
    private final Object lock = new Object();

    public Membership(GroupRegistry registry, GroupEvents events, Clock clock, ServerConfig.GroupsPolicy policy) {
        this.registry = registry;
        this.events = events;
        this.clock = clock;
        this.policy = policy;
    }

    public ObjectNode join(SocketSession s, JsonNode p) {
        String groupId = Payload.groupId(p);
        VerifiedUser user = s.user();
        boolean mustBeListed = policy == ServerConfig.GroupsPolicy.CLAIMS || user.groups() != null;
        if (mustBeListed && (user.groups() == null || !user.groups().contains(groupId))) {
            throw new ProtocolViolation(ErrorCodes.FORBIDDEN, "not a member of group " + groupId);
        }
        if (s.groupId() != null && !s.groupId().equals(groupId)) {
            leaveCurrent(s, "left", true);
        }
        return enter(s, groupId).deepCopy();
    }

    private ObjectNode enter(SocketSession s, String groupId) {
        VerifiedUser user = s.user();
        ObjectNode body = ProtocolCodec.object().put("groupId", groupId);
        synchronized (lock) {
            ArrayNode members;
            if (!groupId.equals(s.groupId())) {
                GroupRegistry.Joined joined = registry.join(
                        groupId,
                        s.id(),
                        user.userId(),
                        user.displayName(),
                        user.avatarUrl(),
                        clock.wallMillis(),
                        clock.monoNanos());
                s.groupId(groupId);
                s.client().joinRoom(groupId);
                if (joined.newMember()) {
                    ObjectNode event = ProtocolCodec.object().put("groupId", groupId);
                    event.set("user", joined.user());
                    events.toOthers(groupId, EventNames.USER_JOINED, event, s);
                }
                members = joined.members();
            } else {
                members = registry.members(groupId);
            }
            body.set("members", members);
            s.client().sendEvent(EventNames.GROUP_JOINED, body);
        }
        return body;
    }

    public ObjectNode leave(SocketSession s, JsonNode p) {
        String groupId = Payload.groupId(p);
        Payload.requireIn(s, groupId);
        leaveCurrent(s, "left", true);
        return ProtocolCodec.object().put("groupId", groupId);
    }

    public ObjectNode presence(SocketSession s, JsonNode p) {
        String groupId = Payload.groupId(p);
        Payload.requireIn(s, groupId);
        ObjectNode body = ProtocolCodec.object().put("groupId", groupId);
        body.set("members", registry.members(groupId));
        s.client().sendEvent(EventNames.GROUP_PRESENCE, body);
        return body.deepCopy();
    }

    /**
     * Takes the socket out of its group, if it is in one; the others hear {@code user:left} with
     * {@code reason} when it was the user's last socket there.
     */
    public void leaveCurrent(SocketSession s, String reason, boolean notifySelf) {
        String groupId = s.groupId();
        if (groupId == null) {
            return;
        }
        synchronized (lock) {
            s.groupId(null);
            s.client().leaveRoom(groupId);
            GroupRegistry.Left left = registry.leave(groupId, s.id(), s.user().userId());
            if (left.lastSocket()) {
                events.toOthers(
                        groupId,
                        EventNames.USER_LEFT,
                        ProtocolCodec.object()
                                .put("groupId", groupId)
                                .put("userId", s.user().userId())
                                .put("reason", reason),
                        null);
            }
            if (left.groupEmpty()) {
                events.emptied(groupId);
            }
        }
        if (notifySelf) {
            s.client().sendEvent(EventNames.GROUP_LEFT, ProtocolCodec.object().put("groupId", groupId));
        }
    }
}
