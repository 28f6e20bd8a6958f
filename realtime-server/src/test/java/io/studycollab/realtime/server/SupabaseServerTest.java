package io.studycollab.realtime.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.server.auth.JwksVerifier;
import io.studycollab.realtime.server.auth.SupabaseKeys;
import io.studycollab.realtime.supabase.AuthSession;
import io.studycollab.realtime.supabase.GoTrueClient;
import io.studycollab.realtime.supabase.SupabaseAuthStandIn;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our server on a Supabase project's keys: ES256 tokens from the Auth stand-in, sb_secret_ API keys. */
class SupabaseServerTest {

    static final String SECRET_KEY = "sb_secret_server-test-key";
    static final String SERVICE_KEY = "legacy-service-role-key";

    static SupabaseAuthStandIn auth;
    static GoTrueClient gotrue;
    static StudyCollabServer server;
    static SystemClock clock;

    @BeforeAll
    static void start() throws Exception {
        auth = SupabaseAuthStandIn.start(3600);
        gotrue = new GoTrueClient(auth.project());
        clock = new SystemClock("supabase-server-test");
        server = StudyCollabServer.start(
                ServerConfig.defaults(TestTokens.SECRET, SERVICE_KEY),
                new SupabaseKeys(JwksVerifier.forProject(auth.url(), null, System::currentTimeMillis), SECRET_KEY));
    }

    @AfterAll
    static void stop() {
        server.close();
        clock.close();
        gotrue.close();
        auth.close();
    }

    RealtimeClient connect(EventHub hub, AccessToken token) {
        RealtimeClient c = new RealtimeClient(hub, clock, ClientOptions.defaults());
        c.connect(server.url(), token);
        await("connected or refused")
                .atMost(Duration.ofSeconds(15))
                .until(() -> c.state() == ConnectionState.CONNECTED || c.state() == ConnectionState.FAILED);
        return c;
    }

    @Test
    void acceptsTheProjectsTokenAndRefusesAForgedOne() throws Exception {
        AuthSession s = gotrue.signInWithPassword(SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD)
                .get(15, TimeUnit.SECONDS);
        try (EventHub hub = new EventHub();
                RealtimeClient ok = connect(hub, s.accessToken())) {
            assertEquals(ConnectionState.CONNECTED, ok.state());
            await("greeted")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> s.user().id().equals(ok.snapshot().userId()));
            assertEquals("Ada", ok.snapshot().displayName());
            assertTrue(ok.joinGroup("g1").get(5, TimeUnit.SECONDS).ok());
        }
        String t = s.accessToken().reveal();
        String tampered = t.substring(0, t.lastIndexOf('.') + 1) + "A" + t.substring(t.lastIndexOf('.') + 2);
        try (EventHub hub = new EventHub();
                RealtimeClient refused = connect(hub, AccessToken.of(tampered))) {
            assertEquals(ConnectionState.FAILED, refused.state());
            assertEquals("AUTH_INVALID", refused.snapshot().errorCode());
        }
    }

    @Test
    void legacyHs256TokensStillWork() {
        try (EventHub hub = new EventHub();
                RealtimeClient legacy = connect(hub, TestTokens.token("legacy", "Legacy", 600))) {
            assertEquals(ConnectionState.CONNECTED, legacy.state());
        }
    }

    @Test
    void httpApiTakesTheSecretKeyAndTheServiceRoleKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(server.url() + "/api/realtime/test");
        int viaApikey = http.send(
                        HttpRequest.newBuilder(uri).header("apikey", SECRET_KEY).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        int viaBearer = http.send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + SECRET_KEY)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        int legacy = http.send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + SERVICE_KEY)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        int wrong = http.send(
                        HttpRequest.newBuilder(uri)
                                .header("apikey", "sb_secret_wrong")
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertEquals(200, viaApikey);
        assertEquals(200, viaBearer);
        assertEquals(200, legacy);
        assertEquals(401, wrong);
    }
}
