package io.studycollab.realtime.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The claims of a Supabase JWT, decoded without verifying the signature: enough to show who a
 * token is for and how long it lasts. Only the server can say whether it is valid.
 */
public record TokenClaims(
        String subject,
        String displayName,
        String email,
        String audience,
        String role,
        Instant issuedAt,
        Instant expiresAt,
        List<String> groups,
        String algorithm) {

    public static TokenClaims decode(AccessToken token) {
        String[] parts = token.reveal().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT: expected three dot-separated parts, found " + parts.length);
        }
        JsonNode header = json(parts[0], "header");
        JsonNode body = json(parts[1], "payload");
        JsonNode meta = body.path("user_metadata");
        String email = text(body.get("email"));
        String name = firstText(
                meta.get("full_name"), meta.get("name"), body.get("email"), meta.get("email"), body.get("sub"));
        List<String> groups = null;
        JsonNode g = body.path("app_metadata").get("groups");
        if (g != null && g.isArray()) {
            groups = new ArrayList<>();
            for (JsonNode n : g) {
                if (n.isTextual()) {
                    groups.add(n.textValue());
                }
            }
        }
        JsonNode aud = body.get("aud");
        String audience = aud == null ? null : aud.isTextual() ? aud.textValue() : aud.toString();
        return new TokenClaims(
                text(body.get("sub")),
                name,
                email,
                audience,
                text(body.get("role")),
                seconds(body.get("iat")),
                seconds(body.get("exp")),
                groups == null ? null : List.copyOf(groups),
                text(header.get("alg")));
    }

    public Duration timeLeft(Instant now) {
        return expiresAt == null ? null : Duration.between(now, expiresAt);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    private static JsonNode json(String part, String what) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            JsonNode node = ProtocolCodec.parse(new String(bytes, StandardCharsets.UTF_8));
            if (!node.isObject()) {
                throw new IllegalArgumentException("JWT " + what + " is not a JSON object");
            }
            return node;
        } catch (IllegalArgumentException | JsonProcessingException e) {
            // The message names the part, never the token text.
            throw new IllegalArgumentException("JWT " + what + " is not base64url-encoded JSON");
        }
    }

    private static Instant seconds(JsonNode n) {
        return n != null && n.isNumber() ? Instant.ofEpochSecond(n.longValue()) : null;
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n != null && n.isTextual() && !n.textValue().isBlank()) {
                return n.textValue();
            }
        }
        return null;
    }
}
