package io.studycollab.realtime.proxy.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * The server the proxy stands in front of: opens a fresh connection per forwarded HTTP exchange
 * (on the caller's event loop) and per websocket; the long-polls and POSTs of a polling connection
 * reuse theirs ({@link UpstreamLine}). TLS (https/wss
 * targets) on this side only, with the JDK's trust store.
 */
public final class Upstream {

    private final URI target;
    private final String host;
    private final int port;
    private final SslContext ssl;
    private final int maxBody;
    private final int readTimeoutSeconds;

    public Upstream(URI target, int maxBody, int readTimeoutSeconds) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("target must be http:// or https://, not " + target);
        }
        if (target.getHost() == null) {
            throw new IllegalArgumentException("target has no host: " + target);
        }
        this.target = target;
        this.host = target.getHost();
        boolean tls = scheme.equals("https");
        this.port = target.getPort() > 0 ? target.getPort() : tls ? 443 : 80;
        this.maxBody = maxBody;
        this.readTimeoutSeconds = readTimeoutSeconds;
        try {
            this.ssl = tls ? SslContextBuilder.forClient().build() : null;
        } catch (SSLException e) {
            throw new IllegalStateException("no TLS client available", e);
        }
    }

    public URI target() {
        return target;
    }

    /** {@code host[:port]} as the Host header names the target. */
    String authority() {
        return target.getPort() > 0 ? host + ":" + port : host;
    }

    /** ws:// or wss:// for a request path and query. */
    URI webSocketUri(String pathAndQuery) {
        return URI.create((ssl != null ? "wss://" : "ws://") + authority() + pathAndQuery);
    }

    /** A copy of a client's request for the target: same method, path, query, end-to-end headers, body. */
    FullHttpRequest copyOf(FullHttpRequest in, String uri, ByteBuf body) {
        FullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, in.method(), uri, body);
        copyHeaders(in.headers(), out.headers(), body.readableBytes(), in.method());
        return out;
    }

    /** A request of the proxy's own (a long-poll, a POST) on a kept-alive line ({@link UpstreamLine}). */
    FullHttpRequest request(HttpMethod method, String uri, HttpHeaders template, ByteBuf body) {
        FullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, body);
        copyHeaders(template, out.headers(), body.readableBytes(), method);
        out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        return out;
    }

    private void copyHeaders(HttpHeaders from, HttpHeaders to, int length, HttpMethod method) {
        Headers.copyEndToEnd(from, to);
        to.set(HttpHeaderNames.HOST, authority());
        to.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (length > 0 || method.equals(HttpMethod.POST) || method.equals(HttpMethod.PUT)) {
            to.set(HttpHeaderNames.CONTENT_LENGTH, length);
        }
    }

    /** Sends one request on a new connection; the promise gets the whole response (the caller releases it). */
    Promise<FullHttpResponse> send(EventLoop loop, FullHttpRequest request) {
        return send(loop, request, null);
    }

    /**
     * Sends one request on a new connection. When {@code reuse} is given and the server keeps the
     * connection alive, the connection is handed to it once the answer is read (before the promise
     * completes), else it closes.
     */
    Promise<FullHttpResponse> send(EventLoop loop, FullHttpRequest request, Consumer<Channel> reuse) {
        Promise<FullHttpResponse> promise = loop.newPromise();
        connect(loop, () -> new Exchange(promise, reuse)).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                f.channel().writeAndFlush(request);
            } else {
                request.release();
                promise.tryFailure(f.cause());
            }
        });
        return promise;
    }

    /** Opens a connection whose pipeline ends in {@code handler} (HTTP client codec before it). */
    ChannelFuture connect(EventLoop loop, Supplier<ChannelHandler> handler) {
        return new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                        }
                        ch.pipeline().addLast("http", new HttpClientCodec());
                        ch.pipeline().addLast("aggregate", new HttpObjectAggregator(maxBody));
                        ch.pipeline().addLast("handler", handler.get());
                    }
                })
                .connect(host, port);
    }

    /** Sends another request on a kept-alive connection that {@link #send} handed over. */
    static Promise<FullHttpResponse> sendAgain(Channel ch, FullHttpRequest request) {
        Promise<FullHttpResponse> promise = ch.eventLoop().newPromise();
        ch.pipeline().get(Exchange.class).next(promise);
        ch.writeAndFlush(request).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                promise.tryFailure(f.cause());
                ch.close();
            }
        });
        return promise;
    }

    /** One request, one response; then the connection closes, or is handed on for the next request. */
    private final class Exchange extends SimpleChannelInboundHandler<FullHttpResponse> {
        private volatile Promise<FullHttpResponse> promise;
        private final Consumer<Channel> reuse;

        Exchange(Promise<FullHttpResponse> promise, Consumer<Channel> reuse) {
            this.promise = promise;
            this.reuse = reuse;
        }

        void next(Promise<FullHttpResponse> p) {
            promise = p;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            // a long-poll is held up to pingInterval by the server: only a dead server trips this
            ctx.pipeline().addBefore("http", "timeout", new ReadTimeoutHandler(readTimeoutSeconds, TimeUnit.SECONDS));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
            Promise<FullHttpResponse> p = promise;
            // handed on first: whoever the answer wakes may send the next request on it right away
            if (reuse != null && HttpUtil.isKeepAlive(msg)) {
                reuse.accept(ctx.channel());
            } else {
                ctx.close();
            }
            if (!p.trySuccess(msg.retain())) {
                msg.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            promise.tryFailure(new IOException("the server closed the connection before answering"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            promise.tryFailure(cause);
            ctx.close();
        }
    }

    static boolean isOpen(Channel ch) {
        return ch != null && ch.isActive();
    }
}
