package io.studycollab.realtime.supabase;

import java.net.URI;
import java.util.Locale;

/**
 * A Supabase project as a client sees it: its URL ({@code https://<ref>.supabase.co}) and the key
 * every Auth request carries in its {@code apikey} header, either the publishable key
 * ({@code sb_publishable_…}) or the legacy {@code anon} JWT. Neither is a secret in Supabase's
 * model, but {@code toString()} still shows only the key's kind.
 */
public final class SupabaseProject {

    private final String url;
    private final String apiKey;

    private SupabaseProject(String url, String apiKey) {
        this.url = url;
        this.apiKey = apiKey;
    }

    /** @throws IllegalArgumentException for a URL that is not http(s) or an empty key */
    public static SupabaseProject of(String url, String apiKey) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the Supabase project URL is empty");
        }
        String trimmed = url.trim().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + trimmed);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("the Supabase project URL must be http(s)://host, got " + trimmed);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the anon or publishable key is empty");
        }
        if (apiKey.trim().startsWith("sb_secret_")) {
            // A secret key bypasses row-level security; it does not belong in a debugger's sign-in.
            throw new IllegalArgumentException("that is a secret key (sb_secret_…); use the publishable key");
        }
        return new SupabaseProject(trimmed, apiKey.trim());
    }

    public String url() {
        return url;
    }

    /** {@code <url>/auth/v1}: the Auth API's base, and the {@code iss} of the project's tokens. */
    public String authUrl() {
        return url + "/auth/v1";
    }

    public String jwksUrl() {
        return authUrl() + "/.well-known/jwks.json";
    }

    /** The {@code apikey} header value. */
    public String apiKey() {
        return apiKey;
    }

    public String keyKind() {
        return apiKey.startsWith("sb_publishable_") ? "publishable key" : "anon key";
    }

    @Override
    public String toString() {
        return "SupabaseProject[" + url + ", " + keyKind() + "]";
    }
}
