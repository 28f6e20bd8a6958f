package io.studycollab.debugger.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.supabase.SupabaseClaims;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims popover's rows for a token Supabase Auth issued (its issuer ends in {@code /auth/v1}):
 * Supabase's own claims by their names, metadata as compact JSON. Null for any other token.
 */
public final class SupabaseClaimRows {

    /** A row: the claim's name and its value as text ("–" when absent). */
    public record Row(String name, String value) {}

    private SupabaseClaimRows() {}

    /** @throws IllegalArgumentException when the text is not a JWT */
    public static List<Row> of(String tokenText) {
        SupabaseClaims c = SupabaseClaims.decode(AccessToken.of(tokenText));
        if (c.issuer() == null || !c.issuer().endsWith("/auth/v1")) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        add(rows, "sub", c.subject());
        add(rows, "email", c.email());
        add(rows, "iss", c.issuer());
        add(rows, "aud", c.audience());
        add(rows, "role", c.role());
        add(rows, "aal", c.aal());
        add(rows, "session_id", c.sessionId());
        add(rows, "is_anonymous", String.valueOf(c.anonymous()));
        add(rows, "app_metadata", json(c.appMetadata()));
        add(rows, "user_metadata", json(c.userMetadata()));
        add(rows, "alg · kid", c.algorithm() + " · " + (c.keyId() == null ? "–" : c.keyId()));
        add(rows, "iat", c.issuedAt() == null ? null : c.issuedAt().toString());
        return rows;
    }

    private static void add(List<Row> rows, String name, String value) {
        rows.add(new Row(name, value == null || value.isEmpty() ? "–" : value));
    }

    private static String json(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.toString();
    }
}
