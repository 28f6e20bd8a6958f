package io.studycollab.realtime.server.auth;

/**
 * What a server needs on top of its {@code ServerConfig} to serve a Supabase project that uses
 * asymmetric JWT signing keys and the new API keys.
 *
 * @param jwks the project's key set, or null to accept HS256 tokens only
 * @param secretApiKey an {@code sb_secret_…} key the HTTP test API accepts besides the
 *     service-role key, or null
 */
public record SupabaseKeys(JwksVerifier jwks, String secretApiKey) {

    public static final SupabaseKeys NONE = new SupabaseKeys(null, null);

    @Override
    public String toString() {
        return "SupabaseKeys[jwks=" + (jwks == null ? "none" : jwks.issuer()) + ", secretApiKey="
                + (secretApiKey == null ? "none" : "set") + "]";
    }
}
