package io.studycollab.realtime.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.supabase.GoTrueClient;
import io.studycollab.realtime.supabase.SupabaseAuthStandIn;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The stand-in held to the official Supabase Auth client, and the official socket.io server
 * verifying through its JWKS held to our client.
 */
class SupabaseStandInFidelityTest {

    @Test
    void theOfficialAuthClientGetsWhatSupabaseWouldAnswer() throws Exception {
        NodeProcess.Result r = NodeProcess.run(NodeProcess.interopDir(), 60, "node", "supabase-js-check.js");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(
                8, r.output().lines().filter(l -> l.contains("\"ok\":true")).count(), r.output());
    }

    @Test
    void theReferenceServerAcceptsTheProjectsTokensAndRefusesForgedOnes() throws Exception {
        try (SupabaseAuthStandIn auth = SupabaseAuthStandIn.start(3600, "--alg", "RS256");
                NodeProcess server = NodeProcess.start(
                        "server.js", "--jwt-secret", TestTokens.SECRET, "--supabase-url", auth.url());
                GoTrueClient gotrue = new GoTrueClient(auth.project());
                SystemClock clock = new SystemClock("fidelity-clock")) {
            String real = gotrue.signInAnonymously()
                    .get(15, TimeUnit.SECONDS)
                    .accessToken()
                    .reveal();
            String forged =
                    real.substring(0, real.lastIndexOf('.') + 1) + "AAAA" + real.substring(real.lastIndexOf('.') + 5);
            assertEquals(ConnectionState.CONNECTED, connect(server.url(), clock, AccessToken.of(real)));
            assertEquals(ConnectionState.FAILED, connect(server.url(), clock, AccessToken.of(forged)));
            assertEquals(ConnectionState.CONNECTED, connect(server.url(), clock, TestTokens.token("u", "U", 60)));
        }
    }

    private static ConnectionState connect(String url, SystemClock clock, AccessToken token) {
        try (EventHub hub = new EventHub();
                RealtimeClient c = new RealtimeClient(hub, clock, ClientOptions.defaults())) {
            c.connect(url, token);
            await("settled")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> c.state() == ConnectionState.CONNECTED || c.state() == ConnectionState.FAILED);
            if (c.state() == ConnectionState.FAILED) {
                assertTrue(
                        "AUTH_INVALID".equals(c.snapshot().errorCode()),
                        c.snapshot().toString());
            }
            return c.state();
        }
    }
}
