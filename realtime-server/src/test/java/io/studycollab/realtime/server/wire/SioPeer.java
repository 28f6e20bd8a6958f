package io.studycollab.realtime.server.wire;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

/**
 * One socket.io-client-java socket over websocket, keeping every event it receives by name, for
 * tests that watch what a server delivers. Callbacks run on socket.io's event thread and only store.
 */
public final class SioPeer implements AutoCloseable {

    private final Socket socket;
    private final Map<String, Queue<JSONObject>> received = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    public SioPeer(String url, String token, OkHttpClient http) {
        IO.Options o = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(new String[] {"websocket"})
                .setAuth(Map.of("token", token))
                .build();
        o.callFactory = http;
        o.webSocketFactory = http;
        socket = IO.socket(URI.create(url), o);
        socket.onAnyIncoming(args -> {
            if (args.length > 1 && args[1] instanceof JSONObject j) {
                received.computeIfAbsent(String.valueOf(args[0]), k -> new ConcurrentLinkedQueue<>())
                        .add(j);
            }
        });
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.on(
                Socket.EVENT_CONNECT_ERROR,
                args -> connected.completeExceptionally(new ConnectRefused(args.length > 0 ? args[0] : null)));
        socket.connect();
    }

    /** A refused CONNECT, with what the server sent ({@code {message, data: {code, message}}}). */
    public static final class ConnectRefused extends RuntimeException {
        private final transient Object error;

        ConnectRefused(Object error) {
            super(String.valueOf(error));
            this.error = error;
        }

        /** The protocol code of the refusal, or null. */
        public String code() {
            return error instanceof JSONObject j && j.optJSONObject("data") != null
                    ? j.optJSONObject("data").optString("code", null)
                    : null;
        }
    }

    public CompletableFuture<Void> connected() {
        return connected;
    }

    public void emit(String event, JSONObject payload) {
        socket.emit(event, payload);
    }

    public CompletableFuture<JSONObject> emitWithAck(String event, JSONObject payload) {
        CompletableFuture<JSONObject> reply = new CompletableFuture<>();
        socket.emit(event, new Object[] {payload}, (Ack) args -> reply.complete((JSONObject) args[0]));
        return reply;
    }

    /** What arrived as {@code event}, in order. */
    public List<JSONObject> received(String event) {
        Queue<JSONObject> q = received.get(event);
        return q == null ? List.of() : List.copyOf(q);
    }

    @Override
    public void close() {
        socket.off();
        socket.close();
    }
}
