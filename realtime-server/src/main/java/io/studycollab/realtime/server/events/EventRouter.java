package io.studycollab.realtime.server.events;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.MultiTypeArgs;
import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolViolation;
import io.studycollab.realtime.server.limits.EventLimits;
import io.studycollab.realtime.server.session.SessionTable;
import io.studycollab.realtime.server.session.SocketSession;
import io.studycollab.realtime.server.transport.RawEventJsonSupport;
import io.studycollab.realtime.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every event an admitted socket sends (§3): through its limits, to the handler of its name, and
 * the outcome back as the ack ({@code ok: true} and the handler's body, or {@code ok: false} with
 * the error) and, on a refusal, as a {@code connection:error} to the socket.
 */
public final class EventRouter {

    private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);

    /** Handles one event of an admitted socket; throws a {@link ProtocolViolation} to refuse it. */
    @FunctionalInterface
    public interface Handler {
        /** @return the ack body besides {@code ok} */
        ObjectNode handle(SocketSession s, JsonNode payload);
    }

    private final SessionTable sessions;
    private final EventLimits limits;
    private final Clock clock;
    private final Map<String, Handler> handlers;

    public EventRouter(SessionTable sessions, EventLimits limits, Clock clock, Map<String, Handler> handlers) {
        this.sessions = sessions;
        this.limits = limits;
        this.clock = clock;
        this.handlers = Map.copyOf(handlers);
    }

    /** netty-socketio's catch-all listener: {@code args} are the event name and its payload. */
    public void onEvent(SocketIOClient client, MultiTypeArgs args, AckRequest ack) {
        SocketSession s = sessions.get(client.getSessionId());
        if (s == null || args.isEmpty()) {
            return; // a refused handshake's leftover namespace client: it may not talk
        }
        String name = ((JsonNode) args.get(0)).asText();
        JsonNode payload = args.size() > 1 ? (JsonNode) args.get(1) : null;
        EventLimits.Verdict verdict = limits.check(s, name);
        if (verdict != EventLimits.Verdict.ALLOWED) {
            String why = verdict == EventLimits.Verdict.USER_BUDGET
                    ? "too many events from this user's connections"
                    : "too many events";
            if (s.mayReportRateLimit(clock.monoNanos())) {
                client.sendEvent(EventNames.CONNECTION_ERROR, error(ErrorCodes.RATE_LIMITED, why, printable(name)));
            }
            reply(ack, failure(ErrorCodes.RATE_LIMITED, why));
            return;
        }
        try {
            Handler h = handlers.get(name);
            if (h == null) {
                throw ProtocolViolation.invalid("unknown event " + printable(name));
            }
            ObjectNode ok = ProtocolCodec.object().put("ok", true);
            ok.setAll(h.handle(s, payload));
            reply(ack, ok);
        } catch (ProtocolViolation v) {
            client.sendEvent(EventNames.CONNECTION_ERROR, error(v.code(), v.getMessage(), printable(name)));
            reply(ack, failure(v.code(), v.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("handling {} failed", printable(name), e);
            client.sendEvent(
                    EventNames.CONNECTION_ERROR, error(ErrorCodes.INTERNAL, "internal error", printable(name)));
            reply(ack, failure(ErrorCodes.INTERNAL, "internal error"));
        }
    }

    private static String printable(String name) {
        return RawEventJsonSupport.UNREADABLE.equals(name) ? "(unreadable packet)" : name;
    }

    private static void reply(AckRequest ack, ObjectNode body) {
        if (ack.isAckRequested()) {
            ack.sendAckData(body);
        }
    }

    private static ObjectNode error(String code, String message, String event) {
        return ProtocolCodec.object().put("code", code).put("message", message).put("event", event);
    }

    private static ObjectNode failure(String code, String message) {
        ObjectNode o = ProtocolCodec.object().put("ok", false);
        o.putObject("error").put("code", code).put("message", message);
        return o;
    }
}
