package io.studycollab.realtime.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.NodeProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** src/interop/supabase-auth.js as a child process, with its test controls. */
public final class SupabaseAuthStandIn implements AutoCloseable {

    public static final String EMAIL = "ada@example.com";
    public static final String PASSWORD = "correct-horse-battery";

    private final NodeProcess node;
    private final OkHttpClient http = new OkHttpClient();

    private SupabaseAuthStandIn(NodeProcess node) {
        this.node = node;
    }

    /** ES256 keys, the user {@link #EMAIL}/{@link #PASSWORD} ("Ada"), tokens of {@code expirySeconds}. */
    public static SupabaseAuthStandIn start(int expirySeconds, String... extra) throws IOException {
        List<String> args = new ArrayList<>(
                List.of("--expiry", String.valueOf(expirySeconds), "--user", EMAIL + ":" + PASSWORD + ":Ada"));
        args.addAll(List.of(extra));
        return new SupabaseAuthStandIn(NodeProcess.start("supabase-auth.js", args.toArray(String[]::new)));
    }

    public String url() {
        return node.announcement().path("url").asText();
    }

    public String publishableKey() {
        return node.announcement().path("publishableKey").asText();
    }

    public String anonKey() {
        return node.announcement().path("anonKey").asText();
    }

    public String firstKid() {
        return node.announcement().path("kid").asText();
    }

    public SupabaseProject project() {
        return SupabaseProject.of(url(), publishableKey());
    }

    /** A new signing key ({@code alg} ES256 or RS256); returns its kid. */
    public String rotate(String alg) throws IOException {
        return control("/_standin/rotate", "{\"alg\":\"" + alg + "\"}")
                .path("kid")
                .asText();
    }

    public void revoke(String kid) throws IOException {
        control("/_standin/revoke", "{\"kid\":\"" + kid + "\"}");
    }

    public void expiry(int seconds) throws IOException {
        control("/_standin/config", "{\"expirySeconds\":" + seconds + "}");
    }

    private JsonNode control(String path, String json) throws IOException {
        Request r = new Request.Builder()
                .url(url() + path)
                .post(RequestBody.create(MediaType.parse("application/json"), json))
                .build();
        try (Response resp = http.newCall(r).execute()) {
            String body = resp.body().string();
            if (!resp.isSuccessful()) {
                throw new IOException(path + " answered " + resp.code() + ": " + body);
            }
            return ProtocolCodec.parse(body);
        }
    }

    @Override
    public void close() {
        node.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
