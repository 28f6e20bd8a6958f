package io.studycollab.realtime.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.client.AccessToken;
import java.time.Duration;
import java.time.Instant;

/**
 * What Auth answers a successful sign-in or refresh with: an access token, the single-use refresh
 * token that gets the next one, and how long the access token lasts.
 *
 * @param expiresIn the lifetime Auth gave the token; the refresh schedule counts from when the
 *     answer arrived, so a skewed local clock cannot make it late
 * @param expiresAt Auth's own {@code expires_at}, for display; null if it sent none
 */
public record AuthSession(
        AccessToken accessToken, String refreshToken, Duration expiresIn, Instant expiresAt, SupabaseUser user) {

    /** The user part of an Auth session. */
    public record SupabaseUser(String id, String email, boolean anonymous) {}

    static AuthSession fromJson(JsonNode body) {
        String access = body.path("access_token").asText("");
        String refresh = body.path("refresh_token").asText("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (access.isEmpty() || refresh.isEmpty() || expiresIn <= 0) {
            throw new AuthApiException(
                    200, "invalid_token_response", "Auth answered without access_token, refresh_token and expires_in");
        }
        JsonNode u = body.path("user");
        String email = u.path("email").asText("");
        Instant at = body.hasNonNull("expires_at")
                ? Instant.ofEpochSecond(body.get("expires_at").asLong())
                : null;
        return new AuthSession(
                AccessToken.of(access),
                refresh,
                Duration.ofSeconds(expiresIn),
                at,
                new SupabaseUser(
                        u.path("id").asText(null),
                        email.isEmpty() ? null : email,
                        u.path("is_anonymous").asBoolean(false)));
    }

    /** Who this session is for, for people: the email, or "anonymous", or the user id. */
    public String who() {
        if (user.email() != null) {
            return user.email();
        }
        return user.anonymous() ? "anonymous (" + user.id() + ")" : user.id();
    }

    @Override
    public String toString() {
        // Tokens never in a log line.
        return "AuthSession[" + who() + ", expires in " + expiresIn + "]";
    }
}
