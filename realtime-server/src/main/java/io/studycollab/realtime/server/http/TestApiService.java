package io.studycollab.realtime.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.server.HttpApi;
import io.studycollab.realtime.server.auth.HandshakeStats;
import io.studycollab.realtime.server.auth.ServiceKeys;
import io.studycollab.realtime.server.groups.GroupEvents;
import io.studycollab.realtime.server.groups.GroupRegistry;
import io.studycollab.realtime.server.limits.EventLimits;
import io.studycollab.realtime.server.session.SessionTable;
import io.studycollab.realtime.server.session.SocketSession;
import io.studycollab.realtime.server.transport.UnreadConnections;
import io.studycollab.realtime.time.Clock;
import java.util.function.IntSupplier;

/**
 * What the HTTP test API (§6) reads and does: health with the counters of every limit, the groups,
 * and emitting as the server. Each answer is a few counter reads or one registry copy, so /health
 * stays quick while the sockets are busy.
 */
public final class TestApiService implements HttpApi {

    private final ServiceKeys keys;
    private final SessionTable sessions;
    private final GroupRegistry registry;
    private final GroupEvents events;
    private final HandshakeStats handshakes;
    private final IntSupplier pendingHandshakes;
    private final UnreadConnections unread;
    private final EventLimits limits;
    private final Clock clock;

    public TestApiService(
            ServiceKeys keys,
            SessionTable sessions,
            GroupRegistry registry,
            GroupEvents events,
            HandshakeStats handshakes,
            IntSupplier pendingHandshakes,
            UnreadConnections unread,
            EventLimits limits,
            Clock clock) {
        this.keys = keys;
        this.sessions = sessions;
        this.registry = registry;
        this.events = events;
        this.handshakes = handshakes;
        this.pendingHandshakes = pendingHandshakes;
        this.unread = unread;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public boolean authorized(String bearerToken) {
        return keys.accepts(bearerToken);
    }

    @Override
    public ObjectNode health() {
        ObjectNode o = ProtocolCodec.object()
                .put("status", "ok")
                .put("connections", sessions.size())
                .put("groups", registry.groupCount());
        ObjectNode h = handshakes.toJson(pendingHandshakes.getAsInt());
        // Accepted, nothing read yet: not sessions, so not in "pending" (see UnreadConnections).
        h.put("unread", unread.count()).put("closedUnread", unread.closedUnread());
        o.set("handshakes", h);
        o.set("rateLimited", limits.toJson());
        o.set("fanout", events.fanout().toJson());
        return o;
    }

    @Override
    public ObjectNode overview() {
        ObjectNode o = ProtocolCodec.object();
        o.set("groups", registry.summary());
        o.put("connections", sessions.size());
        return o;
    }

    @Override
    public ObjectNode group(String groupId) {
        ObjectNode o = ProtocolCodec.object().put("groupId", groupId);
        o.set("members", registry.members(groupId));
        return o;
    }

    @Override
    public int emit(String event, JsonNode data, String groupId) {
        ObjectNode payload = ProtocolCodec.object().put("from", "server").put("groupId", groupId);
        payload.set("data", data);
        payload.put("ts", clock.wallMillis());
        if (groupId != null) {
            int n = events.recipients(groupId, null);
            events.toOthers(groupId, event, payload, null);
            return n;
        }
        int n = 0;
        for (SocketSession s : sessions.all()) {
            s.client().sendEvent(event, payload);
            n++;
        }
        return n;
    }
}
