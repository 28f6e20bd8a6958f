package io.studycollab.realtime.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.Locale;

/** One {@link EventRecord} ↔ one JSON line of a session file (format in src/docs/session-format.md). */
public final class SessionCodec {

    private SessionCodec() {
    }

    public static String toLine(EventRecord r, Redactor redactor) {
        ObjectNode o = ProtocolCodec.object();
        o.put("seq", r.seq());
        o.put("t", r.wallMillis());
        o.put("mono", r.monoNanos());
        o.put("dir", r.direction().wire());
        o.put("event", r.name());
        o.put("category", r.category().label());
        if (r.groupId() != null) {
            o.put("group", r.groupId());
        }
        if (r.userId() != null) {
            o.put("user", r.userId());
        }
        o.put("size", r.sizeBytes());
        if (r.problem() != null) {
            o.put("malformed", true);
            o.put("problem", redactor.text(r.problem()));
        }
        o.set("data", r.payload() == null ? null : redactor.json(r.payload()));
        return ProtocolCodec.write(o);
    }

    /** Parses one record line; throws {@link IllegalArgumentException} saying what is wrong. */
    public static EventRecord fromLine(String line) {
        JsonNode o;
        try {
            o = ProtocolCodec.parse(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (!o.isObject()) {
            throw new IllegalArgumentException("a record must be a JSON object");
        }
        String name = requireText(o, "event");
        Direction dir;
        try {
            dir = Direction.fromWire(requireText(o, "dir"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dir must be in, out or local");
        }
        if (!o.path("seq").isIntegralNumber() || !o.path("t").isNumber()) {
            throw new IllegalArgumentException("seq and t must be numbers");
        }
        EventCategory category = EventNames.categoryOf(name);
        JsonNode c = o.get("category");
        if (c != null && c.isTextual()) {
            try {
                category = EventCategory.valueOf(c.textValue().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // unknown category from a newer writer: derive it from the name
            }
        }
        JsonNode data = o.has("data") ? o.get("data") : null;
        String problem = o.path("malformed").asBoolean(false) ? o.path("problem").asText("malformed") : null;
        int size = o.path("size").isNumber() ? o.path("size").intValue() : ProtocolCodec.sizeOf(data);
        return new EventRecord(o.get("seq").longValue(), o.get("t").longValue(), o.path("mono").asLong(0), dir, name,
                category, textOrNull(o.get("group")), textOrNull(o.get("user")), data, size, problem);
    }

    private static String requireText(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return n.textValue();
    }

    private static String textOrNull(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }
}
