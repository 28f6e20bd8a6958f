package io.studycollab.realtime.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Binary attachments in a session file. JSON has no bytes, so a record writes each binary value of
 * its payload as base64 text and lists where they are in {@code "binary"}: JSON Pointers (RFC 6901)
 * into {@code data}, {@code ""} for the whole payload. Reading puts the exact bytes back.
 */
final class BinaryPaths {

    private BinaryPaths() {}

    /** Writes the pointer of every binary value under {@code node} as strings (into an open array). */
    static void write(JsonGenerator g, JsonNode node) throws IOException {
        walk(g, node, new StringBuilder());
    }

    private static void walk(JsonGenerator g, JsonNode node, StringBuilder path) throws IOException {
        if (node.isBinary()) {
            g.writeString(path.toString());
            return;
        }
        int mark = path.length();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (Redactor.isSecretField(e.getKey())
                        && !e.getValue().isNull()
                        && !e.getValue().isBinary()) {
                    continue; // written masked, as Redactor.write does: nothing binary left there
                }
                path.append('/').append(e.getKey().replace("~", "~0").replace("/", "~1"));
                walk(g, e.getValue(), path);
                path.setLength(mark);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.append('/').append(i);
                walk(g, node.get(i), path);
                path.setLength(mark);
            }
        }
    }

    /**
     * {@code data} with the base64 text at each listed pointer turned back into bytes.
     *
     * @throws IllegalArgumentException when a pointer names no base64 string in {@code data}
     */
    static JsonNode restore(JsonNode data, JsonNode pointers) {
        if (pointers == null || !pointers.isArray()) {
            throw new IllegalArgumentException("binary must be an array of JSON pointers");
        }
        JsonNode out = data;
        for (JsonNode p : pointers) {
            if (!p.isTextual()) {
                throw new IllegalArgumentException("binary must be an array of JSON pointers");
            }
            JsonPointer ptr;
            try {
                ptr = JsonPointer.compile(p.textValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("binary: bad pointer " + p.textValue());
            }
            JsonNode text = out == null ? null : out.at(ptr);
            if (text == null || !text.isTextual()) {
                throw new IllegalArgumentException("binary: no base64 string at " + p.textValue());
            }
            BinaryNode bytes;
            try {
                bytes = BinaryNode.valueOf(Base64.getDecoder().decode(text.textValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("binary: not base64 at " + p.textValue());
            }
            if (ptr.matches()) {
                out = bytes;
                continue;
            }
            JsonNode parent = out.at(ptr.head());
            if (parent instanceof ObjectNode o) {
                o.set(ptr.last().getMatchingProperty(), bytes);
            } else if (parent instanceof ArrayNode a) {
                a.set(ptr.last().getMatchingIndex(), bytes);
            }
        }
        return out;
    }
}
