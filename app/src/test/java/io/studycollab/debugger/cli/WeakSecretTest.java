package io.studycollab.debugger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.server.auth.TokenVerifier;
import io.studycollab.realtime.testing.NodeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HS256 secrets under 256 bits (#13 point 12): servers on Node's jsonwebtoken accept them, so
 * minting must work with them (with a warning), while {@code serve} takes one for itself only when
 * told to.
 */
class WeakSecretTest {

    /** Ten bytes, as QA meets on real projects. */
    private static final String WEAK = "short-sec1";

    @TempDir
    Path dir;

    private static CliRun run(Map<String, String> env, String... args) {
        return CliRun.with(env, "", args);
    }

    @Test
    void aSwarmWithATenByteSecretGetsIntoTheOfficialNodeServer() throws Exception {
        try (NodeProcess node = NodeProcess.start("server.js", "--jwt-secret", WEAK, "--service-key", "svc-weak")) {
            CliRun r = run(
                    Map.of("SUPABASE_JWT_SECRET", WEAK),
                    "swarm",
                    "--url",
                    node.url(),
                    "--group",
                    "weak-room",
                    "--users",
                    "3",
                    "--duration",
                    "4s");
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("connected at the end   3"), r.out());
            assertTrue(r.out().contains("failed to connect      0"), r.out());
            assertEquals(1, warnings(r.err()).size(), "one line, on stderr: " + r.err());
            assertTrue(warnings(r.err()).get(0).contains("only 10 bytes"), r.err());
            assertTrue(!r.out().contains(WEAK) && !r.err().contains(WEAK), "the secret itself is never printed");
        }
    }

    @Test
    void tokenMintsWithAWeakSecretAndWarns() throws Exception {
        CliRun r = run(Map.of("SUPABASE_JWT_SECRET", WEAK), "token", "--sub", "weak-user");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, warnings(r.err()).size(), r.err());
        assertEquals(
                "weak-user",
                new TokenVerifier(WEAK, "authenticated", System::currentTimeMillis)
                        .verify(r.out().trim())
                        .userId());
    }

    @Test
    void serveRefusesAWeakSecretForItselfUnlessAllowed() throws Exception {
        CliRun refused = run(Map.of("SUPABASE_JWT_SECRET", WEAK), "serve", "--port", "0");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("--allow-weak-secret"), refused.err());
        CliRun badTimeout = run(Map.of(), "serve", "--port", "0", "--handshake-timeout", "soon");
        assertEquals(2, badTimeout.code(), badTimeout.err());
        assertTrue(badTimeout.err().contains("Usage"), badTimeout.err());
        assertEquals(
                2,
                run(Map.of(), "serve", "--port", "0", "--handshake-timeout", "0s")
                        .code());
    }

    @Test
    void serveWithAnAllowedWeakSecretAdmitsItsTokensAndKeepsItsHandshakeTimeout() throws Exception {
        Path secret = dir.resolve("weak.secret");
        Files.writeString(secret, WEAK + "\n");
        Path log = dir.resolve("serve.out");
        ProcessBuilder pb = new ProcessBuilder(CliRun.launcher(
                        "serve",
                        "--port",
                        "0",
                        "--jwt-secret-file",
                        secret.toString(),
                        "--allow-weak-secret",
                        "--handshake-timeout",
                        "5s"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("SUPABASE_JWT_SECRET");
        Process p = pb.start();
        try {
            Awaitility.await("startup line")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readString(log).contains("listening on "));
            String all = Files.readString(log);
            assertTrue(all.contains("warning: the JWT secret is only 10 bytes"), all);
            String url = all.lines()
                    .filter(l -> l.contains("listening on "))
                    .findFirst()
                    .orElseThrow()
                    .split(" ")[4];
            // A client per request: netty-socketio may close a polling connection after its answer
            // though it says keep-alive, and a POST reusing it would fail with no bytes received.
            Supplier<HttpClient> http = () ->
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            CliRun token = run(Map.of("SUPABASE_JWT_SECRET", WEAK), "token", "--sub", "weak-user");

            String admitted = openPolling(http, url);
            post(http, url, admitted, "40{\"token\":\"" + token.out().trim() + "\"}");
            String reply = get(http, url, admitted).body();
            assertTrue(reply.contains("40{\"sid\""), "admitted with the weak secret: " + reply + " " + token);

            String silent = openPolling(http, url);
            Awaitility.await("the silent session is closed after --handshake-timeout")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> health(http, url)
                                    .path("handshakes")
                                    .path("timedOut")
                                    .asInt()
                            == 1);
            assertTrue(get(http, url, silent).statusCode() >= 400, "its session is gone");
            assertEquals(1, health(http, url).path("connections").asInt(), "the admitted one stays");
        } finally {
            p.destroyForcibly();
        }
    }

    private static List<String> warnings(String err) {
        List<String> found = new ArrayList<>();
        err.lines().filter(l -> l.contains("JWT secret is only")).forEach(found::add);
        return found;
    }

    private static String openPolling(Supplier<HttpClient> http, String url) throws Exception {
        String open = get(http, url, null).body();
        return ProtocolCodec.parse(open.substring(1)).get("sid").asText();
    }

    private static HttpResponse<String> get(Supplier<HttpClient> http, String url, String sid) throws Exception {
        String q = url + "/socket.io/?EIO=4&transport=polling" + (sid == null ? "" : "&sid=" + sid);
        return http.get()
                .send(
                        HttpRequest.newBuilder(URI.create(q))
                                .timeout(Duration.ofSeconds(40))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void post(Supplier<HttpClient> http, String url, String sid, String body) throws Exception {
        HttpResponse<String> r = http.get()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/socket.io/?EIO=4&transport=polling&sid=" + sid))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private static JsonNode health(Supplier<HttpClient> http, String url) throws Exception {
        return ProtocolCodec.parse(http.get()
                .send(HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }
}
