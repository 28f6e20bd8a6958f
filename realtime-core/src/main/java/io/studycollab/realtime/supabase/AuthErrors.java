package io.studycollab.realtime.supabase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads Auth's error bodies, which come in three shapes: OAuth-style for token grants
 * ({@code {"error":"invalid_grant","error_description":"Invalid login credentials"}}), Auth's own
 * ({@code {"code":400,"error_code":"…","msg":"…"}}, or {@code "message"} with a newer API
 * version), and the API gateway's ({@code {"message":"Invalid API key"}}).
 */
final class AuthErrors {

    private static final int MAX_SHOWN = 300;

    private AuthErrors() {}

    static AuthApiException from(int status, JsonNode body, String rawText) {
        String message = first(body, "error_description", "msg", "message");
        if (message == null) {
            message = first(body, "error");
        }
        if (message == null) {
            String raw = rawText == null ? "" : rawText.strip();
            message = raw.isEmpty()
                    ? "HTTP " + status + " with no body"
                    : raw.length() > MAX_SHOWN ? raw.substring(0, MAX_SHOWN) + "…" : raw;
        }
        String code = first(body, "error_code");
        if (code == null) {
            code = first(body, "error");
        }
        if (code == null && body.path("code").isTextual()) {
            code = body.path("code").textValue();
        }
        return new AuthApiException(status, code, message);
    }

    private static String first(JsonNode body, String... names) {
        for (String n : names) {
            JsonNode v = body.get(n);
            if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                return v.textValue();
            }
        }
        return null;
    }
}
