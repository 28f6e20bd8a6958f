package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A server's acknowledgement: {@code { ok: true, ... }} or {@code { ok: false, error: { code, message } }}.
 * {@code body} is the whole reply as it came.
 */
public record AckReply(boolean ok, String errorCode, String errorMessage, JsonNode body) {

    public static AckReply of(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new AckReply(false, "MALFORMED_ACK", "acknowledgement is not a JSON object", body);
        }
        boolean ok = body.path("ok").asBoolean(false);
        JsonNode error = body.path("error");
        String code = error.isObject() ? error.path("code").asText(null) : error.isTextual() ? error.textValue() : null;
        String message = error.isObject() ? error.path("message").asText(null) : null;
        return new AckReply(ok, ok ? null : code, ok ? null : message, body);
    }
}
