package io.studycollab.realtime.client.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * OkHttp's {@link WebSocket.Factory}, on Netty's non-blocking sockets: every websocket it opens
 * shares a few event-loop threads. OkHttp gives each websocket a reader thread (from its
 * dispatcher, held for the socket's whole life) and a writer thread of its own, so a swarm of
 * 2,000 virtual users meant 4,000 threads; through this factory it is {@code threads}, whatever
 * the number of users. socket.io-client-java takes any factory ({@code IO.Options.webSocketFactory})
 * and sees the same listener calls, in the same order, as from OkHttp.
 *
 * <p>Listener calls run on an event loop: a listener that blocks (the client's ingress gate does,
 * briefly, when socket.io's event thread is far behind) holds back every websocket of that loop,
 * which is the back-pressure wanted when all of them feed that one event thread anyway.
 * {@link #close()} stops the threads; websockets still open are closed with them.
 */
public final class NettyWebSockets implements WebSocket.Factory, AutoCloseable {

    /** As OkHttp: larger messages fail the websocket rather than fill the heap. */
    static final int MAX_MESSAGE_BYTES = 16 << 20;

    private final EventLoopGroup loops;
    private final ChannelGroup open;
    private final Duration connectTimeout;
    private final SslContext tls;

    /** @param threads event-loop threads shared by every websocket (1 or 2 suit a swarm) */
    public NettyWebSockets(int threads, Duration connectTimeout) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.loops = new NioEventLoopGroup(threads, new DefaultThreadFactory("swarm-ws", true));
        this.open = new DefaultChannelGroup("swarm-ws", loops.next());
        this.connectTimeout = connectTimeout;
        try {
            this.tls = SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("no TLS client available", e);
        }
    }

    @Override
    public WebSocket newWebSocket(Request request, WebSocketListener listener) {
        HttpUrl url = request.url();
        NettyWebSocket ws = new NettyWebSocket(request, listener);
        WebSocketClientHandler handler = new WebSocketClientHandler(ws, request, MAX_MESSAGE_BYTES);
        Bootstrap b = new Bootstrap()
                .group(loops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (url.isHttps()) {
                            p.addLast(verifyingHost(ch, url));
                        }
                        p.addLast(new HttpClientCodec());
                        p.addLast(new HttpObjectAggregator(64 * 1024));
                        p.addLast(new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
                        p.addLast(handler);
                    }
                });
        ChannelFuture connecting = b.connect(url.host(), url.port());
        Channel channel = connecting.channel();
        open.add(channel);
        ws.attach(channel);
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                ws.failed(f.cause());
            }
        });
        return ws;
    }

    /**
     * The event loops as a scheduler, for the timers that go with these websockets (engine.io's
     * heartbeats): tasks must not block. Stopped with this factory.
     */
    public ScheduledExecutorService timers() {
        return loops;
    }

    /** TLS that checks the server's name as well as its chain (Netty does not by default). */
    private SslHandler verifyingHost(SocketChannel ch, HttpUrl url) {
        SslHandler ssl = tls.newHandler(ch.alloc(), url.host(), url.port());
        SSLEngine engine = ssl.engine();
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(params);
        return ssl;
    }

    /** Closes every websocket still open, then stops the event loops; waits up to three seconds. */
    @Override
    public void close() {
        // Channels first, while the loops still run the listeners of their last writes.
        open.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 500, TimeUnit.MILLISECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
