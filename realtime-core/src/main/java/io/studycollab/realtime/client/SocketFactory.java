package io.studycollab.realtime.client;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.studycollab.realtime.client.netty.NettyWebSockets;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.WebSocket;

/**
 * Makes the client's Socket.IO connections and takes them down: one OkHttp client for all of them
 * (ours unless the options bring one), the {@link IngressGate} in front of the event thread, our
 * Jackson encoder and decoder, and socket.io's own reconnection and timeout off (the client runs
 * both on its injected clock).
 */
final class SocketFactory implements AutoCloseable {

    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final IngressGate ingress;
    private final WebSocket.Factory webSockets;

    /** @param webSockets where websockets come from, or null for {@code given}'s (or our own client's) */
    SocketFactory(OkHttpClient given, WebSocket.Factory webSockets, Clock clock, Consumer<EventRecord> records) {
        this.webSockets = webSockets;
        this.ownsHttp = given == null;
        this.http = given != null ? given : newHttpClient();
        this.ingress = new IngressGate(
                webSockets != null ? webSockets : http,
                clock,
                records,
                IngressGate.DEFAULT_MAX_FRAMES,
                IngressGate.DEFAULT_MAX_CHARS);
    }

    /**
     * An OkHttp client fit for Socket.IO: many connections per host (virtual users poll in parallel),
     * a read timeout above the server's ping interval plus timeout, and a dispatcher that is safe to
     * shut down while a polling transport still closes ({@link HttpDispatch}).
     */
    static OkHttpClient newHttpClient() {
        return new OkHttpClient.Builder()
                .dispatcher(HttpDispatch.newDispatcher())
                // Short keep-alive: the pool's cleanup thread ends soon after the last connection closes.
                .connectionPool(new ConnectionPool(16, 2, TimeUnit.SECONDS))
                .readTimeout(Duration.ofMinutes(1))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * A new, unconnected socket to {@code url} with {@code auth} in its CONNECT packet (an empty
     * auth object when null); packets nothing can decode go to {@code undecodable(packet, why)}.
     */
    Socket create(
            String url, ConnectTarget target, AccessToken auth, JacksonEventDecoder.UndecodableListener undecodable) {
        IO.Options o = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTimeout(-1) // our own timer, on the injected clock
                .setPath(target.path())
                .setTransports(target.transports().stream().map(Transport::wire).toArray(String[]::new))
                .setAuth(auth == null ? new HashMap<>() : new HashMap<>(Map.of("token", auth.reveal())))
                .setExtraHeaders(headers(target))
                .build();
        o.callFactory = http;
        o.webSocketFactory = ingress;
        o.encoder = new JacksonEventEncoder();
        o.decoder = new JacksonEventDecoder(undecodable);
        Socket socket = IO.socket(target.socketUri(url), o);
        if (webSockets instanceof NettyWebSockets shared) {
            // Its threads time the engine's heartbeats too: no heartbeat thread per connection.
            SharedEngineTimers.use(socket.io(), shared.timers());
        }
        return socket;
    }

    /** Stops listening to {@code socket} and its manager, then closes it. */
    static void dispose(Socket socket) {
        socket.off();
        socket.io().off();
        socket.disconnect();
    }

    private static Map<String, List<String>> headers(ConnectTarget target) {
        Map<String, List<String>> out = new HashMap<>();
        target.extraHeaders().forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    /** Releases the HTTP client if it is ours. */
    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
