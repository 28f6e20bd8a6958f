package io.studycollab.debugger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.server.ServerConfig;
import io.studycollab.realtime.server.StudyCollabServer;
import io.studycollab.realtime.server.auth.TokenVerifier;
import io.studycollab.realtime.session.SessionReader;
import io.studycollab.realtime.testing.TestTokens;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets reach the command from the environment, a file, stdin or a picocli {@code @file}, work,
 * and are never echoed; typed as a plain argument they still work, with a warning about {@code ps}.
 */
class SecretOptionsTest {

    private static final String PS_WARNING = "visible to other users";

    private static StudyCollabServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = StudyCollabServer.start(ServerConfig.defaults(TestTokens.SECRET, "secret-test-service-key"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static CliRun run(Map<String, String> env, String stdin, String... args) {
        return CliRun.with(env, stdin, args);
    }

    private static String subjectOf(CliRun token) throws Exception {
        assertEquals(0, token.code(), token.all());
        return new TokenVerifier(TestTokens.SECRET, "authenticated", System::currentTimeMillis)
                .verify(token.out().trim())
                .userId();
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void tokenMintsWithASecretFromEnvironmentFileStdinOrArgumentFileSilently() throws Exception {
        String secret = TestTokens.SECRET;
        List<CliRun> quiet = new ArrayList<>();
        CliRun env = run(Map.of("SUPABASE_JWT_SECRET", secret), "", "token", "--sub", "from-env");
        assertEquals("from-env", subjectOf(env));
        quiet.add(env);
        CliRun file = run(
                Map.of(),
                "",
                "token",
                "--secret-file",
                file("jwt.secret", secret + "\n").toString(),
                "--sub",
                "f");
        assertEquals("f", subjectOf(file));
        quiet.add(file);
        CliRun stdin = run(Map.of(), secret + "\n", "token", "--secret", "-", "--sub", "from-stdin");
        assertEquals("from-stdin", subjectOf(stdin));
        quiet.add(stdin);
        Path argFile = file("token.args", "--secret " + secret + "\n--sub from-at-file\n");
        CliRun atFile = run(Map.of(), "", "token", "@" + argFile);
        assertEquals("from-at-file", subjectOf(atFile));
        quiet.add(atFile);
        for (CliRun r : quiet) {
            assertEquals("", r.err(), "no warning and no secret on stderr");
            assertFalse(r.out().contains(secret), "the secret is not echoed");
        }
        CliRun plain = run(Map.of(), "", "token", "--secret", secret, "--sub", "typed");
        assertEquals("typed", subjectOf(plain));
        assertTrue(plain.err().startsWith("warning: --secret given on the command line is " + PS_WARNING), plain.err());
        assertEquals(1, plain.err().lines().count(), "one line: " + plain.err());
        assertFalse(plain.all().contains(secret), "the warning does not repeat the secret");
    }

    @Test
    void badSecretSourcesAreUsageErrors() throws Exception {
        CliRun both = run(Map.of(), "", "token", "--secret", "x", "--secret-file", "y", "--sub", "u");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("not both"), both.err());
        CliRun missing =
                run(Map.of(), "", "token", "--secret-file", dir.resolve("none").toString(), "--sub", "u");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("cannot read"), missing.err());
        CliRun empty = run(Map.of(), "\n", "token", "--secret", "-", "--sub", "u");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("holds no secret"), empty.err());
        CliRun none = run(Map.of(), "", "token", "--sub", "u");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("$SUPABASE_JWT_SECRET"), none.err());
        CliRun twice =
                run(Map.of(), "a\n", "swarm", "--url", server.url(), "--secret", "-", "--tokens", "t", "--group", "g");
        assertEquals(2, twice.code(), "a secret and a tokens file");
    }

    @Test
    void recordConnectsWithATokenFromFileStdinOrEnvironment() throws Exception {
        String token = TestTokens.token("secret-recorder", "R", 600).reveal();
        Path tokenFile = file("access.token", token + "\n");
        String[] common = {"record", "--url", server.url(), "--group", "demo", "--duration", "300ms", "--out"};
        List<CliRun> runs = List.of(
                run(
                        Map.of(),
                        "",
                        concat(common, dir.resolve("f.jsonl").toString(), "--token-file", tokenFile.toString())),
                run(
                        Map.of(),
                        token + "\n",
                        concat(common, dir.resolve("s.jsonl").toString(), "--token", "-")),
                run(
                        Map.of("STUDYCOLLAB_TOKEN", token),
                        "",
                        concat(common, dir.resolve("e.jsonl").toString())));
        for (CliRun r : runs) {
            assertEquals(0, r.code(), r.all());
            assertFalse(r.all().contains(token), "the token is not echoed: " + r.all());
            assertFalse(r.err().contains(PS_WARNING), r.err());
        }
        for (String name : List.of("f.jsonl", "s.jsonl", "e.jsonl")) {
            try (SessionReader reader = SessionReader.open(dir.resolve(name))) {
                assertEquals("secret-recorder", reader.header().user(), "the server accepted the token");
            }
            assertFalse(Files.readString(dir.resolve(name)).contains(token));
        }
        CliRun plain = run(Map.of(), "", concat(common, dir.resolve("p.jsonl").toString(), "--token", token));
        assertEquals(0, plain.code(), plain.all());
        assertTrue(plain.err().contains("--token given on the command line is " + PS_WARNING), plain.err());
        assertTrue(plain.err().contains("$STUDYCOLLAB_TOKEN"), "says what to use instead");
        assertFalse(plain.all().contains(token));
        CliRun none = run(Map.of(), "", concat(common, dir.resolve("n.jsonl").toString()));
        assertEquals(2, none.code());
        assertTrue(none.err().contains("a token is required"), none.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** {@code serve} as a real process: its secrets from a file and from stdin, neither printed. */
    @Test
    void serveTakesItsSecretsFromAFileAndStdin() throws Exception {
        String jwtSecret = "serve-secret-from-a-file-0123456789abcdef";
        String serviceKey = "service-key-from-stdin-0123456789";
        Path secretFile = file("serve.secret", jwtSecret + "\n");
        Path out = dir.resolve("serve.out");
        List<String> cmd = CliRun.launcher(
                "serve", "--port", "0", "--jwt-secret-file", secretFile.toString(), "--service-key", "-");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().remove("SUPABASE_JWT_SECRET");
        pb.environment().remove("SUPABASE_SERVICE_ROLE_KEY");
        Process p = pb.start();
        try {
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write((serviceKey + "\n").getBytes(StandardCharsets.UTF_8));
            }
            Awaitility.await("startup line")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readString(out).contains("listening on "));
            String line = Files.readString(out)
                    .lines()
                    .filter(l -> l.contains("listening on "))
                    .findFirst()
                    .orElseThrow();
            String url = line.split(" ")[4];
            HttpResponse<String> api = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/api/realtime/test"))
                                    .header("Authorization", "Bearer " + serviceKey)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode(), "the service key from stdin: " + api.body());
            String token = TestTokens.token(jwtSecret, "served", "S", 600, null, "authenticated")
                    .reveal();
            CliRun rec = run(
                    Map.of("STUDYCOLLAB_TOKEN", token),
                    "",
                    "record",
                    "--url",
                    url,
                    "--duration",
                    "200ms",
                    "--out",
                    dir.resolve("served.jsonl").toString());
            assertEquals(0, rec.code(), "a token signed with the secret from the file: " + rec.all());
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            String printed = Files.readString(out);
            assertFalse(printed.contains(jwtSecret), printed);
            assertFalse(printed.contains(serviceKey), printed);
            assertFalse(printed.contains("dev token"), "no generated secret, so no dev token: " + printed);
            assertFalse(printed.contains(PS_WARNING), printed);
        } finally {
            p.destroyForcibly();
        }
    }
}
