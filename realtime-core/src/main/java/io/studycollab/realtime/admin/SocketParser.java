package io.studycollab.realtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.TokenClaims;
import io.studycollab.realtime.session.Redactor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code SerializedSocket} objects of the admin protocol ({@code all_sockets},
 * {@code socket_connected}) into {@link AdminSocket}s. The user is worked out before anything is
 * masked: from {@code data.user.userId} when the server keeps it there, else from the subject of a
 * token found in {@code auth.token}, an {@code Authorization: Bearer} header or a {@code token}
 * query parameter (decoded for display only, never verified). Then every secret is masked.
 */
final class SocketParser {

    private static final Redactor REDACTOR = new Redactor();

    private SocketParser() {}

    /** Null when {@code s} is not an object with a string id. */
    static AdminSocket parse(JsonNode s, String fallbackNamespace, long connectedAtMillis) {
        if (s == null || !s.isObject() || !s.path("id").isTextual()) {
            return null;
        }
        String id = s.get("id").textValue();
        JsonNode handshake = s.path("handshake");
        JsonNode auth = handshake.get("auth");
        JsonNode data = s.path("data");
        Identity who = identify(data, handshake);
        Set<String> rooms = new LinkedHashSet<>();
        for (JsonNode r : s.path("rooms")) {
            if (r.isTextual()) {
                rooms.add(r.textValue());
            }
        }
        long issued =
                handshake.path("issued").isNumber() ? handshake.get("issued").longValue() : -1;
        return new AdminSocket(
                id,
                text(s.get("clientId")),
                s.path("nsp").isTextual() ? s.get("nsp").textValue() : fallbackNamespace,
                text(s.get("transport")),
                text(handshake.get("address")),
                mask(handshake.isObject() ? withoutAuth(handshake) : handshake),
                auth == null || auth.isNull() ? null : mask(auth),
                mask(data.isMissingNode() ? null : data),
                who.userId,
                who.displayName,
                groupOf(data),
                rooms,
                connectedAtMillis >= 0 ? connectedAtMillis : issued);
    }

    /** The socket with new {@code data}: user and group re-read from it, the token-derived user kept. */
    static AdminSocket withData(AdminSocket socket, JsonNode data) {
        Identity fromData = identify(data, null);
        String userId = fromData.userId != null ? fromData.userId : socket.userId();
        String name = fromData.displayName != null ? fromData.displayName : socket.displayName();
        return socket.withData(mask(data), userId, name, groupOf(data));
    }

    static long time(JsonNode n, long fallback) {
        if (n != null && n.isTextual()) {
            try {
                return Instant.parse(n.textValue()).toEpochMilli();
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        if (n != null && n.isNumber()) {
            return n.longValue();
        }
        return fallback;
    }

    static JsonNode mask(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        JsonNode out = REDACTOR.json(n);
        maskSessionIds(out);
        return out;
    }

    /** The admin UI's own session id lets whoever holds it in: a secret like a password. */
    private static void maskSessionIds(JsonNode n) {
        if (n instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if ("sessionId".equals(e.getKey()) && e.getValue().isTextual()) {
                    e.setValue(o.textNode(Redactor.MASK));
                } else {
                    maskSessionIds(e.getValue());
                }
            }
        } else if (n != null && n.isArray()) {
            n.forEach(SocketParser::maskSessionIds);
        }
    }

    private static JsonNode withoutAuth(JsonNode handshake) {
        ObjectNode copy = ((ObjectNode) handshake).deepCopy();
        copy.remove("auth");
        return copy;
    }

    private record Identity(String userId, String displayName) {}

    private static Identity identify(JsonNode data, JsonNode handshake) {
        JsonNode user = data == null ? null : data.path("user");
        if (user != null && user.path("userId").isTextual()) {
            return new Identity(user.get("userId").textValue(), text(user.get("displayName")));
        }
        if (data != null && data.path("userId").isTextual()) {
            return new Identity(data.get("userId").textValue(), text(data.get("displayName")));
        }
        if (handshake == null) {
            return new Identity(null, null);
        }
        String token = text(handshake.path("auth").get("token"));
        if (token == null) {
            String header = text(handshake.path("headers").get("authorization"));
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = header.substring(7).trim();
            }
        }
        if (token == null) {
            token = text(handshake.path("query").get("token"));
        }
        if (token == null) {
            return new Identity(null, null);
        }
        try {
            TokenClaims claims = TokenClaims.decode(AccessToken.of(token));
            return new Identity(claims.subject(), claims.displayName());
        } catch (RuntimeException notAJwt) {
            return new Identity(null, null);
        }
    }

    private static String groupOf(JsonNode data) {
        return data == null ? null : text(data.get("groupId"));
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }
}
