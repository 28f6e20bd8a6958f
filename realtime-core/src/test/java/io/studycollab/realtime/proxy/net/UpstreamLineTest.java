package io.studycollab.realtime.proxy.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.sun.net.httpserver.HttpServer;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polling exchanges' kept-alive upstream connection: reused while good, a new one otherwise. */
class UpstreamLineTest {

    private HttpServer server;
    private NioEventLoopGroup group;
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private volatile boolean closeAfterAnswer;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort()); // one port per TCP connection
            ex.getRequestBody().readAllBytes();
            if (closeAfterAnswer) {
                ex.getResponseHeaders().set("Connection", "close");
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        group = new NioEventLoopGroup(1);
    }

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        server.stop(0);
    }

    private String exchange(UpstreamLine line, Upstream upstream) throws Exception {
        EventLoop loop = group.next();
        FullHttpResponse resp = line.send(
                        loop,
                        upstream.request(
                                HttpMethod.POST, "/socket.io/?sid=x", new DefaultHttpHeaders(), Unpooled.EMPTY_BUFFER))
                .get(10, TimeUnit.SECONDS);
        try {
            return resp.content().toString(StandardCharsets.UTF_8);
        } finally {
            resp.release();
        }
    }

    @Test
    void exchangesOneAfterAnotherShareOneConnection() throws Exception {
        Upstream upstream = new Upstream(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), 1 << 20, 30);
        // The line's clock stands still: however long the machine takes between two exchanges,
        // none of them finds the connection idle too long.
        UpstreamLine line = new UpstreamLine(upstream, () -> 0L);
        for (int i = 0; i < 5; i++) {
            assertEquals("ok", exchange(line, upstream));
        }
        assertEquals(5, clientPorts.size());
        assertEquals(1, clientPorts.stream().distinct().count());
        line.close();
        assertEquals("ok", exchange(line, upstream)); // after close: still answered, on a new connection
        assertNotEquals(clientPorts.get(0), clientPorts.get(5));
    }

    @Test
    void aConnectionTheServerClosesIsNotReused() throws Exception {
        closeAfterAnswer = true;
        Upstream upstream = new Upstream(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), 1 << 20, 30);
        UpstreamLine line = new UpstreamLine(upstream);
        for (int i = 0; i < 3; i++) {
            assertEquals("ok", exchange(line, upstream));
        }
        assertEquals(3, clientPorts.stream().distinct().count());
        line.close();
    }

    @Test
    void aConnectionIdleLongerThanTwoSecondsIsNotReused() throws Exception {
        Upstream upstream = new Upstream(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), 1 << 20, 30);
        AtomicLong now = new AtomicLong();
        UpstreamLine line = new UpstreamLine(upstream, now::get);
        assertEquals("ok", exchange(line, upstream));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_999));
        assertEquals("ok", exchange(line, upstream));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(2_001));
        assertEquals("ok", exchange(line, upstream));
        assertEquals(clientPorts.get(0), clientPorts.get(1), "reused within 2 s");
        assertNotEquals(clientPorts.get(1), clientPorts.get(2), "a new connection after 2 s idle");
        line.close();
    }
}
