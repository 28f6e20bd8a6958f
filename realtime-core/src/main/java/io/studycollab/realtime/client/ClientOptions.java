package io.studycollab.realtime.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.WebSocket;

/**
 * How a {@link RealtimeClient} connects and behaves. Defaults follow shared/protocol.md §7.
 *
 * @param flushBurst         queued events sent at once after a reconnect; the rest follow at {@code flushRatePerSecond}
 *                          (below the protocol's 20/s, burst 40, so the server drops none of them)
 * @param httpClient a shared OkHttp client (e.g. for many virtual users), or null for one of the client's own
 * @param namespace  the Socket.IO namespace to connect to, {@code "/"} by default
 * @param webSocketFactory where websockets come from, or null for the OkHttp client's own (a thread
 *                         or two per websocket); a swarm shares a non-blocking one
 */
public record ClientOptions(
        String path,
        List<Transport> transports,
        Map<String, String> extraHeaders,
        Duration connectTimeout,
        Duration ackTimeout,
        ReconnectPolicy reconnectPolicy,
        Duration heartbeatInterval,
        Duration cursorInterval,
        int offlineQueueCapacity,
        Duration tokenWarningBefore,
        int flushBurst,
        double flushRatePerSecond,
        OkHttpClient httpClient,
        String namespace,
        WebSocket.Factory webSocketFactory) {

    public ClientOptions {
        namespace = ConnectTarget.normalizeNamespace(namespace);
        transports = List.copyOf(transports);
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport");
        }
        extraHeaders = Map.copyOf(extraHeaders);
    }

    public static ClientOptions defaults() {
        return new ClientOptions(
                "/socket.io",
                List.of(Transport.WEBSOCKET, Transport.POLLING),
                Map.of(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                ReconnectPolicy.defaults(),
                Duration.ofSeconds(5),
                Duration.ofMillis(50),
                OfflineQueue.DEFAULT_CAPACITY,
                Duration.ofSeconds(60),
                30,
                15,
                null,
                "/",
                null);
    }

    public ClientOptions withPath(String p) {
        return with(b -> b.path = p);
    }

    public ClientOptions withTransports(List<Transport> t) {
        return with(b -> b.transports = t);
    }

    public ClientOptions withExtraHeaders(Map<String, String> h) {
        return with(b -> b.extraHeaders = h);
    }

    public ClientOptions withConnectTimeout(Duration d) {
        return with(b -> b.connectTimeout = d);
    }

    public ClientOptions withAckTimeout(Duration d) {
        return with(b -> b.ackTimeout = d);
    }

    public ClientOptions withReconnectPolicy(ReconnectPolicy p) {
        return with(b -> b.reconnectPolicy = p);
    }

    public ClientOptions withHeartbeatInterval(Duration d) {
        return with(b -> b.heartbeatInterval = d);
    }

    public ClientOptions withCursorInterval(Duration d) {
        return with(b -> b.cursorInterval = d);
    }

    public ClientOptions withOfflineQueueCapacity(int n) {
        return with(b -> b.offlineQueueCapacity = n);
    }

    public ClientOptions withTokenWarningBefore(Duration d) {
        return with(b -> b.tokenWarningBefore = d);
    }

    public ClientOptions withFlushPace(int burst, double ratePerSecond) {
        return with(b -> {
            b.flushBurst = burst;
            b.flushRatePerSecond = ratePerSecond;
        });
    }

    public ClientOptions withHttpClient(OkHttpClient c) {
        return with(b -> b.httpClient = c);
    }

    /** Opens websockets through {@code f} (shared by many clients) instead of the OkHttp client. */
    public ClientOptions withWebSocketFactory(WebSocket.Factory f) {
        return with(b -> b.webSocketFactory = f);
    }

    /** Connects to {@code ns} instead of the default namespace {@code "/"}. */
    public ClientOptions withNamespace(String ns) {
        return with(b -> b.namespace = ns);
    }

    /** The one copy: these options with what {@code change} sets on a copy of their values. */
    private ClientOptions with(Consumer<Copy> change) {
        Copy b = new Copy(this);
        change.accept(b);
        return b.build();
    }

    /** The options' values, to change some and make new options of. */
    private static final class Copy {
        String path;
        List<Transport> transports;
        Map<String, String> extraHeaders;
        Duration connectTimeout;
        Duration ackTimeout;
        ReconnectPolicy reconnectPolicy;
        Duration heartbeatInterval;
        Duration cursorInterval;
        int offlineQueueCapacity;
        Duration tokenWarningBefore;
        int flushBurst;
        double flushRatePerSecond;
        OkHttpClient httpClient;
        String namespace;
        WebSocket.Factory webSocketFactory;

        Copy(ClientOptions o) {
            path = o.path;
            transports = o.transports;
            extraHeaders = o.extraHeaders;
            connectTimeout = o.connectTimeout;
            ackTimeout = o.ackTimeout;
            reconnectPolicy = o.reconnectPolicy;
            heartbeatInterval = o.heartbeatInterval;
            cursorInterval = o.cursorInterval;
            offlineQueueCapacity = o.offlineQueueCapacity;
            tokenWarningBefore = o.tokenWarningBefore;
            flushBurst = o.flushBurst;
            flushRatePerSecond = o.flushRatePerSecond;
            httpClient = o.httpClient;
            namespace = o.namespace;
            webSocketFactory = o.webSocketFactory;
        }

        ClientOptions build() {
            return new ClientOptions(
                    path,
                    transports,
                    extraHeaders,
                    connectTimeout,
                    ackTimeout,
                    reconnectPolicy,
                    heartbeatInterval,
                    cursorInterval,
                    offlineQueueCapacity,
                    tokenWarningBefore,
                    flushBurst,
                    flushRatePerSecond,
                    httpClient,
                    namespace,
                    webSocketFactory);
        }
    }
}
