package io.studycollab.realtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * socket.io-client-java hands us org.json values; this turns them into Jackson trees in one walk,
 * counting the compact JSON size on the way (numbers as their canonical text), instead of printing them and parsing the text again
 * (which cost a third of the ingest rate).
 */
final class OrgJsonBridge {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 1000;

    /** Thrown past {@link #MAX_DEPTH}: the caller falls back to text. */
    static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    private int size;

    static ProtocolCodec.Decoded convert(Object value) {
        OrgJsonBridge b = new OrgJsonBridge();
        JsonNode tree = b.node(value, 0);
        return new ProtocolCodec.Decoded(tree, b.size, null);
    }

    private JsonNode node(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        if (v == null || v == JSONObject.NULL) {
            size += 4;
            return F.nullNode();
        }
        if (v instanceof JSONObject o) {
            ObjectNode out = F.objectNode();
            size += 2;
            boolean first = true;
            for (String key : o.keySet()) {
                if (!first) {
                    size++;
                }
                first = false;
                size += stringSize(key) + 1;
                out.set(key, node(o.opt(key), depth + 1));
            }
            return out;
        }
        if (v instanceof JSONArray a) {
            ArrayNode out = F.arrayNode(a.length());
            size += 2 + Math.max(0, a.length() - 1);
            for (int i = 0; i < a.length(); i++) {
                out.add(node(a.opt(i), depth + 1));
            }
            return out;
        }
        if (v instanceof byte[] bytes) {
            // A binary attachment, put back in place by the library's decoder: kept as bytes.
            size += bytes.length;
            return F.binaryNode(bytes);
        }
        if (v instanceof String s) {
            size += stringSize(s);
            return F.textNode(s);
        }
        if (v instanceof Boolean b) {
            size += b ? 4 : 5;
            return F.booleanNode(b);
        }
        if (v instanceof Integer i) {
            size += Integer.toString(i).length();
            return F.numberNode(i);
        }
        if (v instanceof Long l) {
            size += Long.toString(l).length();
            return F.numberNode(l);
        }
        if (v instanceof Double d) {
            size += Double.toString(d).length();
            return F.numberNode(d);
        }
        if (v instanceof BigDecimal d) {
            size += d.toString().length();
            return F.numberNode(d);
        }
        if (v instanceof BigInteger i) {
            size += i.toString().length();
            return F.numberNode(i);
        }
        if (v instanceof Number n) {
            size += n.toString().length();
            return F.numberNode(n.doubleValue());
        }
        String s = String.valueOf(v);
        size += stringSize(s);
        return F.textNode(s);
    }

    /** Bytes of a JSON string literal: quotes, UTF-8, and the escapes a compact writer uses. */
    private static int stringSize(String s) {
        int extra = 2;
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                extra += 1;
            } else if (c < 0x20) {
                extra += c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f' ? 1 : 5;
            } else if (c >= 0x80) {
                ascii = false;
            }
        }
        return extra + (ascii ? s.length() : s.getBytes(StandardCharsets.UTF_8).length);
    }
}
