package io.studycollab.realtime.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.events.PacketInfo;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/** One {@link EventRecord} ↔ one JSON line of a session file (format in src/docs/session-format.md). */
public final class SessionCodec {

    private SessionCodec() {}

    public static String toLine(EventRecord r, Redactor redactor) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = ProtocolCodec.mapper().getFactory().createGenerator(out)) {
            write(g, r, redactor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    // Pre-encoded field names: the recorder writes them for every event.
    private static final SerializedString SEQ = new SerializedString("seq");
    private static final SerializedString T = new SerializedString("t");
    private static final SerializedString MONO = new SerializedString("mono");
    private static final SerializedString DIR = new SerializedString("dir");
    private static final SerializedString EVENT = new SerializedString("event");
    private static final SerializedString CATEGORY = new SerializedString("category");
    private static final SerializedString GROUP = new SerializedString("group");
    private static final SerializedString USER = new SerializedString("user");
    private static final SerializedString SIZE = new SerializedString("size");
    private static final SerializedString MALFORMED = new SerializedString("malformed");
    private static final SerializedString PROBLEM = new SerializedString("problem");
    private static final SerializedString DATA = new SerializedString("data");
    private static final SerializedString BINARY = new SerializedString("binary");
    // where on the wire (PacketInfo), each written only when it differs from our own client's default;
    // conn and ack came with version 2 (the intercepting proxy)
    private static final SerializedString ARGS = new SerializedString("args");
    private static final SerializedString NSP = new SerializedString("nsp");
    private static final SerializedString CONN = new SerializedString("conn");
    private static final SerializedString ACK = new SerializedString("ack");

    private static final SerializedString[] DIRECTIONS = Arrays.stream(Direction.values())
            .map(d -> new SerializedString(d.wire()))
            .toArray(SerializedString[]::new);
    private static final SerializedString[] CATEGORIES = Arrays.stream(EventCategory.values())
            .map(c -> new SerializedString(c.label()))
            .toArray(SerializedString[]::new);
    // event names, group and user ids: a handful of values repeated in every record
    private static final EncodedStrings REPEATED = new EncodedStrings();

    private static void writeRepeated(JsonGenerator g, String s) throws IOException {
        SerializableString e = REPEATED.get(s);
        if (e != null) {
            g.writeString(e);
        } else {
            g.writeString(s);
        }
    }

    /** Streams one record line (without the newline) to {@code g}, payload redacted on the way. */
    public static void write(JsonGenerator g, EventRecord r, Redactor redactor) throws IOException {
        g.writeStartObject();
        g.writeFieldName(SEQ);
        g.writeNumber(r.seq());
        g.writeFieldName(T);
        g.writeNumber(r.wallMillis());
        g.writeFieldName(MONO);
        g.writeNumber(r.monoNanos());
        g.writeFieldName(DIR);
        g.writeString(DIRECTIONS[r.direction().ordinal()]);
        g.writeFieldName(EVENT);
        writeRepeated(g, r.name());
        g.writeFieldName(CATEGORY);
        g.writeString(CATEGORIES[r.category().ordinal()]);
        if (r.groupId() != null) {
            g.writeFieldName(GROUP);
            writeRepeated(g, r.groupId());
        }
        if (r.userId() != null) {
            g.writeFieldName(USER);
            writeRepeated(g, r.userId());
        }
        g.writeFieldName(SIZE);
        g.writeNumber(r.sizeBytes());
        if (r.problem() != null) {
            g.writeFieldName(MALFORMED);
            g.writeBoolean(true);
            g.writeFieldName(PROBLEM);
            g.writeString(redactor.text(r.problem()));
        }
        writePacket(g, r.packet());
        g.writeFieldName(DATA);
        if (redactor.write(g, r.payload())) {
            g.writeFieldName(BINARY);
            g.writeStartArray();
            BinaryPaths.write(g, r.payload());
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writePacket(JsonGenerator g, PacketInfo p) throws IOException {
        if (p.argumentsAsArray()) {
            g.writeFieldName(ARGS);
            g.writeNumber(p.argCount());
        }
        if (!"/".equals(p.namespace())) {
            g.writeFieldName(NSP);
            g.writeString(p.namespace());
        }
        if (p.connection() != null) {
            g.writeFieldName(CONN);
            g.writeString(p.connection());
        }
        if (p.ackId() >= 0) {
            g.writeFieldName(ACK);
            g.writeNumber(p.ackId());
        }
    }

    private static PacketInfo readPacket(JsonNode o, int args, String nsp) {
        String conn = textOrNull(o.get("conn"));
        long ack = o.path("ack").isIntegralNumber() ? o.get("ack").longValue() : -1;
        if (conn == null && ack < 0 && args == 1 && "/".equals(nsp)) {
            return PacketInfo.DEFAULT;
        }
        return new PacketInfo(conn, nsp, ack, args);
    }

    /** Parses one record line; throws {@link IllegalArgumentException} saying what is wrong. */
    public static EventRecord fromLine(String line) {
        JsonNode o;
        try {
            o = ProtocolCodec.parse(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        return fromTree(o);
    }

    /**
     * Parses one record line given as its UTF-8 bytes: what a reader of a large file calls, as it
     * skips decoding every line into a String only for the parser to read it again.
     */
    public static EventRecord fromLine(byte[] utf8, int offset, int length) {
        JsonNode o;
        try {
            o = ProtocolCodec.mapper().readTree(utf8, offset, length);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (o == null || o.isMissingNode()) {
            throw new IllegalArgumentException("not JSON: no content");
        }
        return fromTree(o);
    }

    private static EventRecord fromTree(JsonNode o) {
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
        if (o.has("binary")) {
            data = BinaryPaths.restore(data, o.get("binary"));
        }
        int args = o.path("args").isInt() ? o.get("args").intValue() : 1;
        if (args < 0) {
            throw new IllegalArgumentException("args must not be negative");
        }
        String nsp = o.path("nsp").isTextual() ? o.get("nsp").textValue() : "/";
        String problem =
                o.path("malformed").asBoolean(false) ? o.path("problem").asText("malformed") : null;
        int size = o.path("size").isNumber() ? o.path("size").intValue() : ProtocolCodec.sizeOf(data);
        return new EventRecord(
                o.get("seq").longValue(),
                o.get("t").longValue(),
                o.path("mono").asLong(0),
                dir,
                name,
                category,
                textOrNull(o.get("group")),
                textOrNull(o.get("user")),
                data,
                size,
                problem,
                readPacket(o, args, nsp));
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
