package io.studycollab.realtime.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps secrets out of anything written down: values of fields whose names say "token",
 * "authorization", "apikey" and the like, and every occurrence of a secret it was told about
 * (our own token, a service key), wherever it appears in a string.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    private static final Set<String> SECRET_FIELDS = Set.of(
            "token",
            "accesstoken",
            "access_token",
            "refreshtoken",
            "refresh_token",
            "authorization",
            "apikey",
            "api_key",
            "x-api-key",
            "password",
            "secret",
            "jwtsecret",
            "jwt_secret",
            "servicekey",
            "service_key",
            "servicerolekey",
            "service_role_key",
            "cookie",
            "set-cookie");
    // Asked for every field of every recorded payload; field names repeat, so answers are remembered
    // (up to a bound, as a hostile server can invent names without end), with the name encoded.
    private record Field(SerializedString encoded, boolean secret) {}

    private static final Map<String, Field> KNOWN_FIELDS = new ConcurrentHashMap<>();
    private static final int KNOWN_FIELDS_LIMIT = 4096;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Adds a secret whose every occurrence must be masked. Ignores blanks and very short strings. */
    public Redactor addSecret(String secret) {
        if (secret != null && secret.length() >= 6 && !secrets.contains(secret)) {
            secrets.add(secret);
        }
        return this;
    }

    public static boolean isSecretField(String name) {
        return name != null && field(name).secret();
    }

    private static Field field(String name) {
        Field known = KNOWN_FIELDS.get(name);
        if (known != null) {
            return known;
        }
        Field f = new Field(new SerializedString(name), SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT)));
        if (KNOWN_FIELDS.size() < KNOWN_FIELDS_LIMIT) {
            KNOWN_FIELDS.put(name, f);
        }
        return f;
    }

    public String text(String s) {
        if (s == null) {
            return null;
        }
        String out = s;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    /**
     * Writes {@code node} with secrets masked in the same walk that serializes it: the recorder's
     * path, where building a redacted copy first would double the work for every event. Binary
     * values are written as base64 text, unmasked (bytes are not text a secret could be found in).
     *
     * @return true when {@code node} holds binary somewhere (the caller then says where, as JSON
     *     alone cannot tell base64 text from bytes)
     */
    public boolean write(JsonGenerator g, JsonNode node) throws IOException {
        if (node == null) {
            g.writeNull();
            return false;
        }
        boolean binary = false;
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Field f = field(e.getKey());
                    g.writeFieldName(f.encoded());
                    if (f.secret() && !e.getValue().isNull() && !e.getValue().isBinary()) {
                        g.writeString(MASK);
                    } else {
                        binary |= write(g, e.getValue());
                    }
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode child : node) {
                    binary |= write(g, child);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(text(node.textValue()));
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                    default -> g.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case BINARY -> {
                g.writeBinary(node.binaryValue());
                binary = true;
            }
            // The rare rest (POJO nodes): Jackson's own serializer.
            default -> ProtocolCodec.mapper().writeTree(g, node);
        }
        return binary;
    }

    /** A redacted copy (or the same node when nothing needed masking). */
    public JsonNode json(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!needs(node)) {
            return node;
        }
        return copy(node);
    }

    private boolean needs(JsonNode node) {
        if (node.isTextual()) {
            return !text(node.textValue()).equals(node.textValue());
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if ((isSecretField(e.getKey()) && !e.getValue().isNull()) || needs(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (needs(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode copy(JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isTextual()) {
            return f.textNode(text(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode out = f.objectNode();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            node.fields().forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> e : entries) {
                boolean mask = isSecretField(e.getKey()) && !e.getValue().isNull();
                out.set(e.getKey(), mask ? f.textNode(MASK) : copy(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            for (JsonNode child : node) {
                out.add(copy(child));
            }
            return out;
        }
        return node;
    }
}
