package io.studycollab.realtime.server.wire;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A websocket-only Engine.IO v4 connection that speaks raw packets, as an attacker would: no
 * socket.io client in between, so the server sees exactly the bytes a test writes.
 */
public final class RawWebSocket implements AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "raw-websocket");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    private final WebSocket ws;
    private final BlockingQueue<String> inbound = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    private RawWebSocket(String baseUrl) throws Exception {
        http = HttpClient.newBuilder().executor(executor).build();
        URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket");
        ws = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    /** Opens the connection and reads the Engine.IO open packet. */
    public static RawWebSocket open(String baseUrl) throws Exception {
        RawWebSocket s = new RawWebSocket(baseUrl);
        String open = s.next();
        if (open == null || !open.startsWith("0{")) {
            s.close();
            throw new IllegalStateException("no Engine.IO open packet: " + open);
        }
        return s;
    }

    public RawWebSocket send(String packet) {
        ws.sendText(packet, true).join();
        return this;
    }

    /** Sends one frame; the future fails when the server closes first. */
    public CompletableFuture<WebSocket> sendLarge(String text) {
        return ws.sendText(text, true);
    }

    /** Sends one message as several frames (a first frame, then continuations); fails once the server closes. */
    public CompletableFuture<WebSocket> sendFragments(String... parts) {
        CompletableFuture<WebSocket> f = CompletableFuture.completedFuture(ws);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            f = f.thenCompose(w -> w.sendText(part, last));
        }
        return f;
    }

    /** The next text frame, answering pings on the way; null after 10 s or once closed. */
    public String next() throws InterruptedException {
        return next(Duration.ofSeconds(10));
    }

    public String next(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String s = left <= 0 ? null : inbound.poll(left, TimeUnit.NANOSECONDS);
            if (s == null || !s.equals("2")) {
                return s;
            }
            send("3");
        }
    }

    /** The next frame that starts with {@code prefix}, skipping others. */
    public String nextStartingWith(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String s = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (s == null) {
                return null;
            }
            if (s.startsWith(prefix)) {
                return s;
            }
        }
        return null;
    }

    /** The close code the server sent, waiting up to 10 s; -1 when the connection dropped without one. */
    public int closeCode() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    /** True once the server's close frame has been answered (or the connection is gone). */
    public boolean isOutputClosed() {
        return ws.isOutputClosed();
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        try {
            if (!closeCode.isDone()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
            }
        } catch (Exception ignored) {
            // already gone
        } finally {
            ws.abort();
            executor.shutdownNow();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            // Unbounded demand: a close or an error must be reported even while frames go unread.
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbound.add(partial.toString());
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }
}
