package io.studycollab.realtime.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * How a {@link RealtimeClient} connects and behaves. Defaults follow shared/protocol.md §7.
 *
 * @param flushBurst         queued events sent at once after a reconnect; the rest follow at {@code flushRatePerSecond}
 *                          (below the protocol's 20/s, burst 40, so the server drops none of them)
 * @param httpClient a shared OkHttp client (e.g. for many virtual users), or null for one of the client's own
 * @param namespace  the Socket.IO namespace to connect to, {@code "/"} by default
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
        String namespace) {

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
                "/");
    }

    public ClientOptions withPath(String p) {
        return new ClientOptions(
                p,
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
                namespace);
    }

    public ClientOptions withTransports(List<Transport> t) {
        return new ClientOptions(
                path,
                t,
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
                namespace);
    }

    public ClientOptions withExtraHeaders(Map<String, String> h) {
        return new ClientOptions(
                path,
                transports,
                new LinkedHashMap<>(h),
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
                namespace);
    }

    public ClientOptions withConnectTimeout(Duration d) {
        return new ClientOptions(
                path,
                transports,
                extraHeaders,
                d,
                ackTimeout,
                reconnectPolicy,
                heartbeatInterval,
                cursorInterval,
                offlineQueueCapacity,
                tokenWarningBefore,
                flushBurst,
                flushRatePerSecond,
                httpClient,
                namespace);
    }

    public ClientOptions withAckTimeout(Duration d) {
        return new ClientOptions(
                path,
                transports,
                extraHeaders,
                connectTimeout,
                d,
                reconnectPolicy,
                heartbeatInterval,
                cursorInterval,
                offlineQueueCapacity,
                tokenWarningBefore,
                flushBurst,
                flushRatePerSecond,
                httpClient,
                namespace);
    }

    public ClientOptions withReconnectPolicy(ReconnectPolicy p) {
        return new ClientOptions(
                path,
                transports,
                extraHeaders,
                connectTimeout,
                ackTimeout,
                p,
                heartbeatInterval,
                cursorInterval,
                offlineQueueCapacity,
                tokenWarningBefore,
                flushBurst,
                flushRatePerSecond,
                httpClient,
                namespace);
    }

    public ClientOptions withHeartbeatInterval(Duration d) {
        return new ClientOptions(
                path,
                transports,
                extraHeaders,
                connectTimeout,
                ackTimeout,
                reconnectPolicy,
                d,
                cursorInterval,
                offlineQueueCapacity,
                tokenWarningBefore,
                flushBurst,
                flushRatePerSecond,
                httpClient,
                namespace);
    }

    public ClientOptions withCursorInterval(Duration d) {
        return new ClientOptions(
                path,
                transports,
                extraHeaders,
                connectTimeout,
                ackTimeout,
                reconnectPolicy,
                heartbeatInterval,
                d,
                offlineQueueCapacity,
                tokenWarningBefore,
                flushBurst,
                flushRatePerSecond,
                httpClient,
                namespace);
    }

    public ClientOptions withOfflineQueueCapacity(int n) {
        return new ClientOptions(
                path,
                transports,
                extraHeaders,
                connectTimeout,
                ackTimeout,
                reconnectPolicy,
                heartbeatInterval,
                cursorInterval,
                n,
                tokenWarningBefore,
                flushBurst,
                flushRatePerSecond,
                httpClient,
                namespace);
    }

    public ClientOptions withTokenWarningBefore(Duration d) {
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
                d,
                flushBurst,
                flushRatePerSecond,
                httpClient,
                namespace);
    }

    public ClientOptions withFlushPace(int burst, double ratePerSecond) {
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
                burst,
                ratePerSecond,
                httpClient,
                namespace);
    }

    public ClientOptions withHttpClient(OkHttpClient c) {
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
                c,
                namespace);
    }

    /** Connects to {@code ns} instead of the default namespace {@code "/"}. */
    public ClientOptions withNamespace(String ns) {
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
                ns);
    }
}
