package io.studycollab.realtime.server.admin;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.session.Redactor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A socket in the admin protocol's {@code SerializedSocket} shape, as {@code @socket.io/admin-ui}
 * sends it, so the official UI and our client read it alike. Unlike the official package we also
 * send the handshake {@code auth}, but with every secret masked here, on the server: headers
 * (authorization, cookie), query and auth never carry a token over the admin channel.
 */
final class SocketSerializer {

    private static final Redactor REDACTOR = new Redactor();

    private SocketSerializer() {}

    static ObjectNode serialize(SocketIOClient c, String nsp, SocketView view, Set<String> rooms) {
        String id = c.getSessionId().toString();
        ObjectNode o = ProtocolCodec.object()
                .put("id", id)
                .put("clientId", id.substring(0, 12))
                .put("transport", transport(c))
                .put("nsp", nsp);
        o.set("data", data(view));
        o.set("handshake", handshake(c.getHandshakeData()));
        ArrayNode r = o.putArray("rooms");
        rooms.forEach(r::add);
        return o;
    }

    static ObjectNode data(SocketView view) {
        ObjectNode d = ProtocolCodec.object();
        if (view != null) {
            d.putObject("user").put("userId", view.userId()).put("displayName", view.displayName());
            if (view.groupId() != null) {
                d.put("groupId", view.groupId());
            }
        }
        return d;
    }

    static String transport(SocketIOClient c) {
        return c.getTransport() == null ? "unknown" : c.getTransport().name().toLowerCase(Locale.ROOT);
    }

    private static ObjectNode handshake(HandshakeData h) {
        ObjectNode o = ProtocolCodec.object();
        if (h == null) {
            return o;
        }
        InetSocketAddress a = h.getAddress();
        o.put(
                "address",
                a == null || a.getAddress() == null ? null : a.getAddress().getHostAddress());
        ObjectNode headers = ProtocolCodec.object();
        if (h.getHttpHeaders() != null) {
            for (Map.Entry<String, String> e : h.getHttpHeaders()) {
                headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
            }
        }
        o.set("headers", REDACTOR.json(headers));
        ObjectNode query = ProtocolCodec.object();
        if (h.getUrlParams() != null) {
            for (Map.Entry<String, List<String>> e : h.getUrlParams().entrySet()) {
                query.put(e.getKey(), e.getValue().isEmpty() ? "" : e.getValue().get(0));
            }
        }
        o.set("query", REDACTOR.json(query));
        long time = h.getTime() == null ? 0 : h.getTime().getTime();
        o.put("issued", time);
        o.put("secure", false);
        o.put("time", h.getTime() == null ? null : h.getTime().toString());
        o.put("url", h.getUrl());
        o.put("xdomain", h.isXdomain());
        if (h.getAuthToken() != null) {
            o.set("auth", REDACTOR.json(ProtocolCodec.toTree(h.getAuthToken())));
        }
        return o;
    }
}
