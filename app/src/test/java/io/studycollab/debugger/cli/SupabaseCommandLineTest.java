package io.studycollab.debugger.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.server.auth.JwksVerifier;
import io.studycollab.realtime.server.auth.SupabaseKeys;
import io.studycollab.realtime.session.SessionReader;
import io.studycollab.realtime.supabase.GoTrueClient;
import io.studycollab.realtime.supabase.SupabaseAuthStandIn;
import io.studycollab.realtime.supabase.SupabaseClaims;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * login, record and swarm against a Supabase project: the Auth stand-in (9 s tokens, ES256) and
 * our server verifying its JWKS.
 */
class SupabaseCommandLineTest {

    static final int TOKEN_SECONDS = 9;

    static SupabaseAuthStandIn auth;
    static StudyCollabServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        auth = SupabaseAuthStandIn.start(
                TOKEN_SECONDS,
                "--user",
                "bea@example.com:second-password",
                "--user",
                "cy@example.com:third,with,commas");
        server = StudyCollabServer.start(
                ServerConfig.defaults(TestTokens.SECRET, "cli-service-key"),
                new SupabaseKeys(JwksVerifier.forProject(auth.url(), null, System::currentTimeMillis), null));
    }

    @AfterAll
    static void stop() {
        server.close();
        auth.close();
    }

    private static CliRun run(String stdin, String... args) {
        return CliRun.with(Map.of(), stdin, args);
    }

    private static String[] signIn(String... more) {
        List<String> a =
                new java.util.ArrayList<>(List.of("--supabase-url", auth.url(), "--anon-key", auth.publishableKey()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void loginPrintsOnlyTheAccessToken() {
        CliRun r = run(
                SupabaseAuthStandIn.PASSWORD + "\n",
                concat(new String[] {"login"}, signIn("--email", SupabaseAuthStandIn.EMAIL, "--password-stdin")));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r.out());
        SupabaseClaims claims = SupabaseClaims.decode(AccessToken.of(lines.get(0)));
        assertEquals(SupabaseAuthStandIn.EMAIL, claims.email());
        assertEquals(auth.url() + "/auth/v1", claims.issuer());
    }

    @Test
    void aWrongPasswordExitsOneWithAuthsMessage() {
        CliRun r = run(
                "not-the-password\n",
                concat(new String[] {"login"}, signIn("--email", SupabaseAuthStandIn.EMAIL, "--password-stdin")));
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Invalid login credentials (HTTP 400)"), r.err());
        assertFalse(r.err().contains("not-the-password"));
    }

    @Test
    void missingKeyOrPasswordIsAUsageError() {
        CliRun noKey = run("", "login", "--supabase-url", auth.url(), "--email", "a@b.c", "--password-stdin");
        assertEquals(2, noKey.code());
        assertTrue(noKey.err().contains("--anon-key"), noKey.err());
        CliRun noPassword = run("", concat(new String[] {"login"}, signIn("--email", "a@b.c", "--password-stdin")));
        assertEquals(2, noPassword.code());
        assertTrue(noPassword.err().contains("standard input is empty"), noPassword.err());
        CliRun anonymous = run("", concat(new String[] {"login"}, signIn("--anonymous")));
        assertEquals(0, anonymous.code(), anonymous.err());
    }

    @Test
    void recordOutlivesItsFirstTokenBySwappingLive() throws Exception {
        auth.expiry(TOKEN_SECONDS);
        Path file = dir.resolve("long.jsonl");
        CliRun r = run(
                SupabaseAuthStandIn.PASSWORD + "\n",
                concat(
                        new String[] {
                            "record",
                            "--url",
                            server.url(),
                            "--group",
                            "long",
                            "--duration",
                            "12s",
                            "--out",
                            file.toString()
                        },
                        signIn("--email", SupabaseAuthStandIn.EMAIL, "--password-stdin")));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("reconnects 0"), r.out());
        try (SessionReader reader = SessionReader.open(file)) {
            List<EventRecord> records = reader.readAll();
            assertTrue(
                    records.stream()
                            .anyMatch(e -> e.name().equals("client:token:swapped")
                                    && e.payload().path("ok").asBoolean()),
                    "moved to a refreshed token");
            assertFalse(
                    records.stream().anyMatch(e -> e.name().equals("connection:error")),
                    "never AUTH_EXPIRED, though the first token lasted " + TOKEN_SECONDS + " s");
        }
        assertFalse(Files.readString(file).contains("eyJ"), "no token in the session file");
    }

    @Test
    void swarmSignsInUsersFromACsv() throws Exception {
        auth.expiry(3600); // this test is about signing in many, not refreshing
        Path csv = dir.resolve("users.csv");
        Files.writeString(
                csv,
                "email,password\n" + SupabaseAuthStandIn.EMAIL + "," + SupabaseAuthStandIn.PASSWORD
                        + "\nbea@example.com,second-password\ncy@example.com,third,with,commas\n");
        CliRun r = run(
                "",
                concat(
                        new String[] {
                            "swarm",
                            "--url",
                            server.url(),
                            "--group",
                            "csv",
                            "--users",
                            "6",
                            "--duration",
                            "6s",
                            "--users-csv",
                            csv.toString()
                        },
                        signIn()));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("signed in 3 Supabase users"), r.err());
        // How many are connected at the end depends on the machine's load; none may be refused.
        assertTrue(r.out().contains("failed to connect      0"), r.out() + r.err());
        assertFalse(r.out().contains("AUTH_"), r.out());
        Files.writeString(csv, "bea@example.com,wrong\n");
        CliRun wrong = run(
                "",
                concat(
                        new String[] {
                            "swarm",
                            "--url",
                            server.url(),
                            "--group",
                            "csv",
                            "--users",
                            "2",
                            "--duration",
                            "1s",
                            "--users-csv",
                            csv.toString()
                        },
                        signIn()));
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("bea@example.com: Invalid login credentials (HTTP 400)"), wrong.err());
    }

    @Test
    void swarmSignsInAnonymously() throws Exception {
        auth.expiry(3600);
        CliRun r = run(
                "",
                concat(
                        new String[] {
                            "swarm", "--url", server.url(), "--group", "anon", "--users", "3", "--duration", "1s"
                        },
                        signIn("--anonymous")));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("signed in 3 Supabase users"), r.err());
    }

    @Test
    void serveVerifiesTheProjectsTokensThroughItsJwks() throws Exception {
        auth.expiry(3600);
        Path out = dir.resolve("serve.txt");
        Process p = new ProcessBuilder(CliRun.launcher(
                        "serve", "--port", "0", "--supabase-url", auth.url(), "--secret-key", "sb_secret_serve-test"))
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("serve-err.txt").toFile())
                .start();
        try (SystemClock clock = new SystemClock("serve-test");
                GoTrueClient gotrue = new GoTrueClient(auth.project())) {
            await("startup line")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> !lines(out).isEmpty());
            String line = lines(out).get(0);
            assertTrue(line.contains("Supabase tokens from " + auth.url()), line);
            assertFalse(line.contains("dev token"), "no HS256 dev token when verifying a project: " + line);
            String url = line.split(" ")[4];
            AccessToken real = gotrue.signInWithPassword(SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD)
                    .get(15, TimeUnit.SECONDS)
                    .accessToken();
            String t = real.reveal();
            String forged = t.substring(0, t.lastIndexOf('.') + 1) + "AAAA" + t.substring(t.lastIndexOf('.') + 5);
            assertEquals("CONNECTED", connect(url, clock, real));
            assertEquals("FAILED AUTH_INVALID", connect(url, clock, AccessToken.of(forged)));
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static String connect(String url, SystemClock clock, AccessToken token) {
        try (EventHub hub = new EventHub();
                RealtimeClient c = new RealtimeClient(hub, clock, ClientOptions.defaults())) {
            c.connect(url, token);
            await("settled")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> c.state() == ConnectionState.CONNECTED || c.state() == ConnectionState.FAILED);
            return c.state() == ConnectionState.CONNECTED
                    ? "CONNECTED"
                    : "FAILED " + c.snapshot().errorCode();
        }
    }
}
