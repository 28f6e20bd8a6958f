package io.studycollab.realtime.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.TokenClaims;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.events.PacketInfo;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.proxy.wire.SioPacket;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Socket.IO packets seen by the proxy as {@link EventRecord}s, the one record type of the app: an
 * event is named by its first argument, control packets by {@code sio:*}, the proxy's own doings by
 * {@code proxy:*}. The handshake token is decoded (never verified) for the connection's user and
 * masked in the record, so no record ever holds it.
 */
public final class PacketRecords {

    public static final String SIO_CONNECT = "sio:connect";
    public static final String SIO_CONNECT_ERROR = "sio:connect_error";
    public static final String SIO_DISCONNECT = "sio:disconnect";
    public static final String SIO_ACK = "sio:ack";
    public static final String MALFORMED = "proxy:malformed-packet";
    public static final String CONNECTION = "proxy:connection";
    public static final String RULE = "proxy:rule";
    public static final String BREAKPOINT = "proxy:breakpoint";
    public static final String INJECT = "proxy:inject";

    private static final Redactor REDACTOR = new Redactor();
    private static final int BINARY_PREVIEW = 16;

    private final Clock clock;

    public PacketRecords(Clock clock) {
        this.clock = clock;
    }

    /** Decodes one message arriving now; learns the connection's user from a CONNECT's token on the way up. */
    public EventRecord decode(ProxyConnection c, Flow flow, WireMessage m) {
        return decode(c, flow, m, clock.wallMillis(), clock.monoNanos());
    }

    /**
     * Decodes one message that arrived at {@code wallMillis} / {@code monoNanos} (it may be decoded
     * later, off the relay path); learns the connection's user from a CONNECT's token on the way up.
     */
    public EventRecord decode(ProxyConnection c, Flow flow, WireMessage m, long wallMillis, long monoNanos) {
        Arrival at = new Arrival(wallMillis, monoNanos);
        SioPacket p = m.packet();
        if (p == null) {
            return record(
                    at,
                    c,
                    flow,
                    MALFORMED,
                    EventCategory.SYSTEM,
                    textNode(m),
                    m.wireSize(),
                    "not a Socket.IO packet",
                    PacketInfo.DEFAULT);
        }
        JsonNode data = null;
        if (!p.json().isEmpty()) {
            try {
                data = ProtocolCodec.parse(p.json());
            } catch (JsonProcessingException e) {
                return record(
                        at,
                        c,
                        flow,
                        MALFORMED,
                        EventCategory.SYSTEM,
                        textNode(m),
                        m.wireSize(),
                        "payload is not JSON: " + e.getOriginalMessage(),
                        info(c, p, 1));
            }
        }
        if (p.isBinary()) {
            data = showAttachments(data, m.attachments());
        }
        int size = m.wireSize();
        switch (p.type()) {
            case SioPacket.EVENT, SioPacket.BINARY_EVENT -> {
                if (data == null
                        || !data.isArray()
                        || data.isEmpty()
                        || !data.get(0).isTextual()) {
                    return record(
                            at,
                            c,
                            flow,
                            MALFORMED,
                            EventCategory.SYSTEM,
                            data,
                            size,
                            "an event must be an array starting with its name",
                            info(c, p, 0));
                }
                // the tree is this record's own (freshly parsed, or showAttachments' copy): no copy needed
                ArrayNode args = (ArrayNode) data;
                String name = args.remove(0).textValue();
                return args(at, c, flow, name, null, args, size, p);
            }
            case SioPacket.ACK, SioPacket.BINARY_ACK -> {
                ArrayNode args =
                        data != null && data.isArray() ? (ArrayNode) data : JsonNodeFactory.instance.arrayNode();
                return args(at, c, flow, SIO_ACK, EventCategory.SYSTEM, args, size, p);
            }
            case SioPacket.CONNECT -> {
                if (flow == Flow.UP) {
                    learnUser(c, data, "/".equals(p.namespace()));
                }
                return record(
                        at,
                        c,
                        flow,
                        SIO_CONNECT,
                        EventCategory.CONNECTION,
                        data == null ? null : REDACTOR.json(data),
                        size,
                        null,
                        info(c, p, 1));
            }
            case SioPacket.CONNECT_ERROR -> {
                return record(
                        at, c, flow, SIO_CONNECT_ERROR, EventCategory.CONNECTION, data, size, null, info(c, p, 1));
            }
            default -> {
                return record(at, c, flow, SIO_DISCONNECT, EventCategory.CONNECTION, null, size, null, info(c, p, 0));
            }
        }
    }

    /** A record the proxy raises itself (a connection opening, a rule firing, a breakpoint, an injection). */
    public EventRecord local(ProxyConnection c, String name, JsonNode payload) {
        EventRecord r = new EventRecord(
                -1,
                clock.wallMillis(),
                clock.monoNanos(),
                Direction.LOCAL,
                name,
                EventCategory.SYSTEM,
                null,
                c == null ? null : c.userId(),
                payload,
                ProtocolCodec.sizeOf(payload),
                null);
        return r.withPacket(new PacketInfo(c == null ? null : c.id(), "/", -1, 1));
    }

    /** When a packet arrived. */
    private record Arrival(long wallMillis, long monoNanos) {}

    private EventRecord args(
            Arrival at,
            ProxyConnection c,
            Flow flow,
            String name,
            EventCategory category,
            ArrayNode args,
            int size,
            SioPacket p) {
        JsonNode payload = args.size() == 1 ? args.get(0) : args;
        return record(at, c, flow, name, category, payload, size, null, info(c, p, args.size()));
    }

    private EventRecord record(
            Arrival at,
            ProxyConnection c,
            Flow flow,
            String name,
            EventCategory category,
            JsonNode payload,
            int size,
            String problem,
            PacketInfo info) {
        EventRecord r = EventRecord.of(
                flow.direction(),
                name,
                c.redactor().json(payload),
                size,
                problem,
                at.wallMillis(),
                at.monoNanos(),
                c.userId());
        if (category != null) {
            r = new EventRecord(
                    r.seq(),
                    r.wallMillis(),
                    r.monoNanos(),
                    r.direction(),
                    r.name(),
                    category,
                    r.groupId(),
                    r.userId(),
                    r.payload(),
                    r.sizeBytes(),
                    r.problem());
        }
        return r.withPacket(info.withConnection(c.id()));
    }

    private static PacketInfo info(ProxyConnection c, SioPacket p, int argCount) {
        return new PacketInfo(c.id(), p.namespace(), p.ackId(), argCount);
    }

    /** Masks the token from now on; the default namespace's token also names the connection's user. */
    private static void learnUser(ProxyConnection c, JsonNode auth, boolean names) {
        if (auth == null || !auth.path("token").isTextual()) {
            return;
        }
        c.token(auth.get("token").textValue());
        if (!names) {
            return;
        }
        try {
            TokenClaims claims =
                    TokenClaims.decode(AccessToken.of(auth.get("token").textValue()));
            c.user(claims.subject(), claims.displayName());
        } catch (RuntimeException e) {
            // not a JWT: the connection stays anonymous; the server decides what the token is worth
        }
    }

    private static JsonNode textNode(WireMessage m) {
        return JsonNodeFactory.instance.textNode(
                m.frames().get(0).isBinary() ? "(binary)" : m.frames().get(0).text());
    }

    /** Placeholders replaced by {@code {"_binary":N,"hex":"first bytes"}} so the log shows what travelled. */
    private static JsonNode showAttachments(JsonNode data, List<byte[]> attachments) {
        if (data == null) {
            return null;
        }
        if (data.isObject()
                && data.path("_placeholder").asBoolean(false)
                && data.path("num").isInt()) {
            int n = data.get("num").intValue();
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            if (n >= 0 && n < attachments.size()) {
                byte[] b = attachments.get(n);
                o.put("_binary", b.length);
                o.put("hex", HexFormat.of().formatHex(b, 0, Math.min(b.length, BINARY_PREVIEW)));
            } else {
                o.put("_binary", -1);
            }
            return o;
        }
        if (data.isContainerNode()) {
            JsonNode copy = data.deepCopy();
            if (copy.isArray()) {
                ArrayNode a = (ArrayNode) copy;
                for (int i = 0; i < a.size(); i++) {
                    a.set(i, showAttachments(a.get(i), attachments));
                }
            } else {
                ObjectNode o = (ObjectNode) copy;
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                for (String f : names) {
                    o.set(f, showAttachments(o.get(f), attachments));
                }
            }
            return copy;
        }
        return data;
    }
}
