package io.studycollab.realtime.supabase;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Supabase Auth stand-in and a {@link GoTrueClient} of it for a test class: started before
 * its tests, both closed after. {@code @RegisterExtension static final AuthStandInExtension ...}
 */
public final class AuthStandInExtension implements BeforeAllCallback, AfterAllCallback {

    private final int expirySeconds;
    private SupabaseAuthStandIn auth;
    private GoTrueClient client;

    public AuthStandInExtension(int expirySeconds) {
        this.expirySeconds = expirySeconds;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        auth = SupabaseAuthStandIn.start(expirySeconds);
        client = new GoTrueClient(auth.project());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (auth != null) {
            auth.close();
        }
    }

    public SupabaseAuthStandIn auth() {
        return auth;
    }

    public GoTrueClient client() {
        return client;
    }
}
