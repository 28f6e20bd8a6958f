package io.studycollab.realtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.json.JSONArray;
import org.json.JSONObject;

/** Jackson codec for payloads, and the bridge from socket.io-client-java's org.json values. */
public final class ProtocolCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static {
        // Hostile servers nest deeply; Jackson refuses past this and we record the raw text instead.
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(1000)
                        .maxStringLength(64 * 1024 * 1024)
                        .build());
    }

    private ProtocolCodec() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static <T> T fromTree(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProtocolViolation.invalid("cannot read " + type.getSimpleName() + ": " + originalMessage(e));
        }
    }

    private static String originalMessage(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }

    public static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    public static int sizeOf(JsonNode node) {
        if (node == null) {
            return 0;
        }
        try {
            return MAPPER.writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            return 0;
        }
    }

    /**
     * What arrived from socket.io-client-java, as a tree plus its size. Never throws: a value Jackson
     * cannot read comes back as text with the reason, so the caller can record it malformed.
     */
    public static Decoded fromWire(Object value) {
        if (value == null) {
            return new Decoded(null, 0, null);
        }
        if (value instanceof WirePayload w) {
            return new Decoded(w.tree(), w.sizeBytes(), null);
        }
        if (value == JSONObject.NULL) {
            return new Decoded(NullNode.instance, 4, null);
        }
        if (value instanceof JSONObject || value instanceof JSONArray) {
            try {
                return OrgJsonBridge.convert(value);
            } catch (OrgJsonBridge.TooDeep | StackOverflowError e) {
                String text = value.toString();
                return new Decoded(
                        JsonNodeFactory.instance.textNode(text),
                        text.getBytes(StandardCharsets.UTF_8).length,
                        "nested deeper than 1000 levels");
            }
        }
        if (value instanceof byte[] bytes) {
            return new Decoded(JsonNodeFactory.instance.binaryNode(bytes), bytes.length, null);
        }
        JsonNode scalar = MAPPER.valueToTree(value);
        return new Decoded(scalar, sizeOf(scalar), null);
    }

    /**
     * Every argument of an event as it came, in order ({@code args[from..to)}): with exactly one,
     * that argument itself; with none or several, a JSON array of all of them (see
     * {@code PacketInfo#argumentsAsArray}). Binary attachments stay binary. Never throws.
     */
    public static Arguments fromArguments(Object[] args, int from, int to) {
        int count = Math.max(0, to - from);
        if (count == 1) {
            Decoded d = args[from] == null ? new Decoded(NullNode.instance, 4, null) : fromWire(args[from]);
            return new Arguments(d.tree(), d.sizeBytes(), d.problem(), 1);
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode(count);
        int size = 2 + Math.max(0, count - 1);
        String problem = null;
        for (int i = from; i < to; i++) {
            Decoded d = args[i] == null ? new Decoded(NullNode.instance, 4, null) : fromWire(args[i]);
            all.add(d.tree());
            size += d.sizeBytes();
            if (problem == null && d.problem() != null) {
                problem = "argument " + (i - from + 1) + ": " + d.problem();
            }
        }
        return new Arguments(all, size, problem, count);
    }

    /** An event's arguments: {@link #fromArguments}. */
    public record Arguments(JsonNode tree, int sizeBytes, String problem, int count) {}

    /** A payload from the wire: the tree (null when none came), its size, and a decoding problem if any. */
    public record Decoded(JsonNode tree, int sizeBytes, String problem) {}
}
