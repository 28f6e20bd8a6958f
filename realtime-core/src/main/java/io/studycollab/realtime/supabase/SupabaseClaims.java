package io.studycollab.realtime.supabase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The claims Supabase Auth puts in every access token, read without verifying the signature
 * (that is the server's job): who ({@code sub}, {@code email}, {@code is_anonymous}), for what
 * ({@code iss}, {@code aud}, {@code role}, {@code aal}, {@code session_id}) and until when, and
 * the two metadata objects. The header's {@code alg} and {@code kid} say which key signed it.
 */
public record SupabaseClaims(
        String issuer,
        String audience,
        String subject,
        String email,
        String role,
        String aal,
        String sessionId,
        boolean anonymous,
        Instant issuedAt,
        Instant expiresAt,
        JsonNode appMetadata,
        JsonNode userMetadata,
        String algorithm,
        String keyId) {

    /** @throws IllegalArgumentException if the token is not a JWT; the message never quotes it */
    public static SupabaseClaims decode(AccessToken token) {
        String[] parts = token.reveal().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT: expected three dot-separated parts, found " + parts.length);
        }
        JsonNode header = part(parts[0], "header");
        JsonNode body = part(parts[1], "payload");
        JsonNode aud = body.get("aud");
        return new SupabaseClaims(
                text(body, "iss"),
                aud == null ? null : aud.isTextual() ? aud.textValue() : aud.toString(),
                text(body, "sub"),
                text(body, "email"),
                text(body, "role"),
                text(body, "aal"),
                text(body, "session_id"),
                body.path("is_anonymous").asBoolean(false),
                seconds(body.get("iat")),
                seconds(body.get("exp")),
                body.has("app_metadata") ? body.get("app_metadata") : NullNode.instance,
                body.has("user_metadata") ? body.get("user_metadata") : NullNode.instance,
                text(header, "alg"),
                text(header, "kid"));
    }

    private static JsonNode part(String b64, String what) {
        try {
            JsonNode node =
                    ProtocolCodec.parse(new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8));
            if (!node.isObject()) {
                throw new IllegalArgumentException("JWT " + what + " is not a JSON object");
            }
            return node;
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalArgumentException("JWT " + what + " is not base64url-encoded JSON");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static Instant seconds(JsonNode n) {
        return n != null && n.isNumber() ? Instant.ofEpochSecond(n.longValue()) : null;
    }
}
