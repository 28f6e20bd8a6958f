package io.studycollab.realtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.json.JSONString;

/**
 * An outbound payload serialised once, by Jackson: the JSON text that goes on the wire and its
 * UTF-8 size. Travels through socket.io-client-java in place of an org.json value; the client's
 * encoder writes the text as it is (and org.json would too, through {@link JSONString}).
 */
public record EncodedPayload(String json, int sizeBytes) implements JSONString {

    public static EncodedPayload of(JsonNode payload) {
        String json = payload == null ? "null" : ProtocolCodec.write(payload);
        return new EncodedPayload(json, Utf8.length(json, 0, json.length()));
    }

    @Override
    public String toJSONString() {
        return json;
    }
}
