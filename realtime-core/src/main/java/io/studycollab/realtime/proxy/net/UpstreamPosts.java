package io.studycollab.realtime.proxy.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The POSTs one polling connection sends upstream, one at a time (the server refuses overlapping
 * POSTs): each body goes out after the previous one was answered, and its answer goes to the
 * client whose POST carried it, or nowhere for packets the proxy sent on its own (inject, release).
 */
final class UpstreamPosts {

    private record Post(String body, ChannelHandlerContext client, boolean keepAlive, EventLoop loop) {}

    private final Upstream upstream;
    // one POST at a time, all on one kept-alive upstream connection
    private final UpstreamLine line;
    private final Consumer<HttpHeaders> onAnswerHeaders;
    private final ArrayDeque<Post> queue = new ArrayDeque<>();
    private boolean inFlight;
    private String uri;
    private HttpHeaders headers;

    /** {@code onAnswerHeaders} sees the headers of every answer (the exchange answers with them). */
    UpstreamPosts(Upstream upstream, Consumer<HttpHeaders> onAnswerHeaders) {
        this.upstream = upstream;
        this.line = new UpstreamLine(upstream);
        this.onAnswerHeaders = onAnswerHeaders;
    }

    /** The URI and headers of the client's latest POST: the proxy's own POSTs go out as the client's did. */
    synchronized void addressAs(String uri, HttpHeaders headers) {
        this.uri = uri;
        this.headers = headers;
    }

    /** Whether the client has POSTed yet (before that the proxy does not know where to POST). */
    synchronized boolean addressed() {
        return uri != null;
    }

    /** Queues a body; {@code client} (null for the proxy's own) gets the server's answer on {@code loop}. */
    synchronized void post(String body, ChannelHandlerContext client, boolean keepAlive, EventLoop loop) {
        queue.add(new Post(
                body, client, keepAlive, client != null ? client.channel().eventLoop() : loop));
        pump();
    }

    /** Caller holds the lock. */
    private void pump() {
        if (inFlight || queue.isEmpty()) {
            return;
        }
        Post p = queue.poll();
        inFlight = true;
        FullHttpRequest out = upstream.request(
                HttpMethod.POST, uri, headers, Unpooled.copiedBuffer(p.body(), StandardCharsets.UTF_8));
        line.send(p.loop(), out).addListener((Future<FullHttpResponse> f) -> answered(p, f));
    }

    /** The polling connection ended: the kept-alive upstream connection closes once idle. */
    void close() {
        line.close();
    }

    private synchronized void answered(Post p, Future<FullHttpResponse> f) {
        inFlight = false;
        if (f.isSuccess()) {
            FullHttpResponse resp = f.getNow();
            onAnswerHeaders.accept(resp.headers());
            if (p.client() != null) {
                Responses.relay(p.client(), p.keepAlive(), resp);
            } else {
                resp.release();
            }
        } else if (p.client() != null) {
            Responses.badGateway(p.client(), f.cause());
        }
        pump();
    }
}
