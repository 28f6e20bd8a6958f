package io.studycollab.realtime.supabase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A client of Supabase Auth's REST API (the GoTrue contract supabase-js speaks): password and
 * anonymous sign-in, refresh, sign out. Every request carries the project's {@code apikey}.
 * Calls never block the caller; futures complete on OkHttp's threads, failed with an
 * {@link AuthApiException} carrying Auth's own message and HTTP status.
 */
public final class GoTrueClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.parse("application/json;charset=UTF-8");

    private final SupabaseProject project;
    private final OkHttpClient http;
    private final boolean ownsHttp;

    public GoTrueClient(SupabaseProject project) {
        this(
                project,
                new OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .readTimeout(Duration.ofSeconds(30))
                        .connectionPool(new ConnectionPool(4, 2, TimeUnit.SECONDS))
                        .build(),
                true);
    }

    /** Shares {@code http} (not closed by {@link #close()}). */
    public GoTrueClient(SupabaseProject project, OkHttpClient http) {
        this(project, http, false);
    }

    private GoTrueClient(SupabaseProject project, OkHttpClient http, boolean ownsHttp) {
        this.project = project;
        this.http = http;
        this.ownsHttp = ownsHttp;
    }

    public SupabaseProject project() {
        return project;
    }

    /** {@code POST /token?grant_type=password}, as {@code signInWithPassword}. */
    public CompletableFuture<AuthSession> signInWithPassword(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new AuthApiException(0, "validation_failed", "an email and a password are needed"));
        }
        ObjectNode body = ProtocolCodec.object().put("email", email.trim()).put("password", password);
        return session(post("/token?grant_type=password", body, null));
    }

    /** {@code POST /signup} with no email, as {@code signInAnonymously()}. */
    public CompletableFuture<AuthSession> signInAnonymously() {
        ObjectNode body = ProtocolCodec.object();
        body.putObject("data");
        return session(post("/signup", body, null));
    }

    /** {@code POST /token?grant_type=refresh_token}. The refresh token is spent by this call. */
    public CompletableFuture<AuthSession> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return CompletableFuture.failedFuture(
                    new AuthApiException(0, "validation_failed", "no refresh token to refresh with"));
        }
        ObjectNode body = ProtocolCodec.object().put("refresh_token", refreshToken);
        return session(post("/token?grant_type=refresh_token", body, null));
    }

    /** {@code POST /logout?scope=local|global|others}: ends the session (and its refresh tokens). */
    public CompletableFuture<Void> signOut(AccessToken accessToken, String scope) {
        return post("/logout?scope=" + scope, null, accessToken).thenApply(ignored -> null);
    }

    private static CompletableFuture<AuthSession> session(CompletableFuture<JsonNode> reply) {
        return reply.thenApply(AuthSession::fromJson);
    }

    private CompletableFuture<JsonNode> post(String path, JsonNode body, AccessToken bearer) {
        Request.Builder b = new Request.Builder()
                .url(project.authUrl() + path)
                .header("apikey", project.apiKey())
                .header("X-Client-Info", "studycollab-realtime-debugger")
                .post(RequestBody.create(JSON, body == null ? "{}" : body.toString()));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer.reveal());
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        Call call = http.newCall(b.build());
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(new AuthApiException(
                        0,
                        AuthApiException.NETWORK,
                        "cannot reach Supabase Auth at " + project.authUrl() + ": " + e.getMessage()));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (ResponseBody rb = response.body()) {
                    String text = rb == null ? "" : rb.string();
                    JsonNode json = parse(text);
                    if (response.isSuccessful()) {
                        result.complete(json);
                    } else {
                        result.completeExceptionally(AuthErrors.from(response.code(), json, text));
                    }
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(new AuthApiException(
                            response.code(), AuthApiException.NETWORK, "reading Auth's answer failed: " + e));
                }
            }
        });
        return result;
    }

    private static JsonNode parse(String text) {
        if (text.isBlank()) {
            return ProtocolCodec.object();
        }
        try {
            return ProtocolCodec.parse(text);
        } catch (JsonProcessingException e) {
            return ProtocolCodec.object();
        }
    }

    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
