package io.studycollab.realtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a server-to-client payload against shared/protocol.md §4. A payload that fails is not
 * thrown away: the caller records it flagged malformed, with the reason this returns.
 */
public final class InboundValidator {

    private static final Set<String> LEAVE_REASONS = Set.of("left", "disconnect", "expired");

    private InboundValidator() {}

    /**
     * How an inbound event stands against the contract: its category, and the problem when it is
     * malformed. Only an event the contract speaks for can be malformed: one of the §4 names, or a
     * custom relay (one object argument carrying {@code from}). Anything else a server sends — its
     * own names, several arguments, bare values, binary — is {@link EventCategory#OTHER}, "not in
     * the contract", and recorded as it came.
     *
     * @param argCount how many arguments the event carried; {@code payload} is the one argument
     *                 when it is 1, else the array of all of them
     */
    public static Verdict verdict(String event, JsonNode payload, int argCount) {
        if (EventNames.SERVER_EVENTS.contains(event)) {
            String problem = argCount == 1 ? problem(event, payload) : "expected one payload argument, got " + argCount;
            return new Verdict(EventNames.categoryOf(event), problem);
        }
        if (argCount == 1 && payload != null && payload.isObject() && payload.has("from")) {
            return new Verdict(EventCategory.CUSTOM, problem(event, payload));
        }
        return new Verdict(EventCategory.OTHER, null);
    }

    /** An inbound event's category and, when it breaks the contract, why (else null). */
    public record Verdict(EventCategory category, String problem) {}

    /** Null when {@code payload} is a valid payload for {@code event}, else what is wrong with it. */
    public static String problem(String event, JsonNode payload) {
        if (payload == null || payload.isMissingNode()) {
            return "no payload";
        }
        if (!payload.isObject()) {
            return "payload must be a JSON object, got "
                    + payload.getNodeType().name().toLowerCase(Locale.ROOT);
        }
        try {
            check(event, payload);
            return null;
        } catch (ProtocolViolation v) {
            return v.getMessage();
        }
    }

    private static void check(String event, JsonNode p) {
        switch (event) {
            case EventNames.CONNECTION_ESTABLISHED -> {
                text(p, "socketId");
                text(p, "userId");
                text(p, "displayName");
                text(p, "serverTime");
                number(p, "heartbeatIntervalMs");
                optionalText(p, "tokenExpiresAt");
            }
            case EventNames.CONNECTION_ERROR -> {
                text(p, "code");
                optionalText(p, "message");
                optionalText(p, "event");
            }
            case EventNames.GROUP_JOINED, EventNames.GROUP_PRESENCE -> {
                group(p);
                JsonNode members = p.get("members");
                if (members == null || !members.isArray()) {
                    throw ProtocolViolation.invalid("members must be an array");
                }
                for (JsonNode m : members) {
                    presence(m, "members[]");
                }
            }
            case EventNames.GROUP_LEFT -> group(p);
            case EventNames.USER_JOINED, EventNames.USER_PRESENCE_UPDATED -> {
                group(p);
                presence(p.get("user"), "user");
            }
            case EventNames.USER_LEFT -> {
                group(p);
                text(p, "userId");
                String reason = text(p, "reason");
                if (!LEAVE_REASONS.contains(reason)) {
                    throw ProtocolViolation.invalid("reason must be left, disconnect or expired");
                }
            }
            case EventNames.USER_CURSOR_UPDATED -> {
                group(p);
                text(p, "userId");
                ProtocolRules.cursor(p.get("cursor"));
                number(p, "ts");
            }
            case EventNames.USER_TOOL_CHANGED -> {
                group(p);
                text(p, "userId");
                JsonNode tool = p.get("tool");
                if (tool != null && !tool.isNull()) {
                    ProtocolRules.tool(tool);
                }
            }
            case EventNames.HEARTBEAT_ACK -> {
                number(p, "ts");
                text(p, "serverTime");
            }
            default -> custom(p);
        }
    }

    private static void custom(JsonNode p) {
        text(p, "from");
        JsonNode group = p.get("groupId");
        if (group != null && !group.isNull()) {
            ProtocolRules.groupId(group, "groupId");
        }
        if (!p.has("data")) {
            throw ProtocolViolation.invalid("data is missing");
        }
        number(p, "ts");
        // The server should have refused these on the way in (§3); a relay that passes them on is worth flagging.
        JsonNode data = p.get("data");
        if (data.isContainerNode() || data.isTextual()) {
            ProtocolRules.customData(data, ProtocolCodec.sizeOf(data));
        }
    }

    private static void group(JsonNode p) {
        ProtocolRules.groupId(p.get("groupId"), "groupId");
    }

    private static void presence(JsonNode u, String where) {
        if (u == null || !u.isObject()) {
            throw ProtocolViolation.invalid(where + " must be a UserPresence object");
        }
        text(u, "userId");
        text(u, "displayName");
        optionalText(u, "avatarUrl");
        JsonNode cursor = u.get("cursor");
        if (cursor != null && !cursor.isNull()) {
            ProtocolRules.cursor(cursor);
        }
        JsonNode active = u.get("isActive");
        if (active == null || !active.isBoolean()) {
            throw ProtocolViolation.invalid(where + ".isActive must be a boolean");
        }
        optionalText(u, "currentTool");
        optionalText(u, "lastSeen");
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        if (n == null || !n.isTextual()) {
            throw ProtocolViolation.invalid(field + " must be a string");
        }
        return n.textValue();
    }

    private static void optionalText(JsonNode p, String field) {
        JsonNode n = p.get(field);
        if (n != null && !n.isNull() && !n.isTextual()) {
            throw ProtocolViolation.invalid(field + " must be a string or null");
        }
    }

    private static void number(JsonNode p, String field) {
        JsonNode n = p.get(field);
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw ProtocolViolation.invalid(field + " must be a number");
        }
    }
}
