package io.studycollab.realtime.proxy.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.studycollab.realtime.proxy.ConnectionRegistry;
import io.studycollab.realtime.proxy.Interceptor;
import io.studycollab.realtime.proxy.ProxyConnection;
import io.studycollab.realtime.proxy.wire.EioPacket;
import io.studycollab.realtime.proxy.wire.PollingPayload;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The proxy's network side on Netty: one listening socket, a boss thread and two worker threads
 * (the upstream connections of a client connection run on its worker, so nothing crosses threads).
 * Owned by {@link io.studycollab.realtime.proxy.ProxyServer}, which closes it.
 */
public final class ProxyRuntime implements AutoCloseable {

    private final Upstream upstream;
    private final Interceptor interceptor;
    private final ConnectionRegistry registry;
    private final String socketIoPath;
    private final int maxBody;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("proxy-boss", true));
    private final EventLoopGroup workers = new NioEventLoopGroup(2, new DefaultThreadFactory("proxy-worker", true));
    private final Map<String, PollingExchange> exchanges = new ConcurrentHashMap<>();
    private final Channel listener;

    public ProxyRuntime(
            String host,
            int port,
            Upstream upstream,
            String socketIoPath,
            int maxBody,
            Interceptor interceptor,
            ConnectionRegistry registry)
            throws InterruptedException {
        this.upstream = upstream;
        this.interceptor = interceptor;
        this.registry = registry;
        this.socketIoPath = socketIoPath.endsWith("/") ? socketIoPath : socketIoPath + "/";
        this.maxBody = maxBody;
        try {
            listener = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec());
                            ch.pipeline().addLast(new HttpObjectAggregator(maxBody));
                            ch.pipeline().addLast(new FrontHandler(ProxyRuntime.this));
                        }
                    })
                    .bind(host, port)
                    .sync()
                    .channel();
        } catch (InterruptedException | RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    Upstream upstream() {
        return upstream;
    }

    String socketIoPath() {
        return socketIoPath;
    }

    WebSocketBridge bridge(ChannelHandlerContext ctx, FullHttpRequest req) {
        return new WebSocketBridge(upstream, interceptor, registry, maxBody, ctx, req);
    }

    void polling(ChannelHandlerContext ctx, FullHttpRequest req, String sid) {
        if (sid == null) {
            handshake(ctx, req);
            return;
        }
        PollingExchange ex = exchanges.get(sid);
        if (ex == null) {
            PlainForward.forward(upstream, ctx, req); // not ours (or closed): the server answers
            return;
        }
        ex.loop(ctx.channel().eventLoop());
        ex.handle(ctx, req);
    }

    /** The opening GET: forwarded as is; its open packet names the sid the connection is known by. */
    private void handshake(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.method().equals(HttpMethod.GET)) {
            PlainForward.forward(upstream, ctx, req);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        FullHttpRequest out = upstream.copyOf(req, req.uri(), Unpooled.EMPTY_BUFFER);
        req.release();
        upstream.send(ctx.channel().eventLoop(), out).addListener((Future<FullHttpResponse> f) -> {
            if (!f.isSuccess()) {
                Responses.badGateway(ctx, f.cause());
                return;
            }
            FullHttpResponse resp = f.getNow();
            if (resp.status().code() == 200) {
                try {
                    List<EioPacket> packets =
                            PollingPayload.decode(resp.content().toString(StandardCharsets.UTF_8));
                    if (!packets.isEmpty() && packets.get(0).type() == EioPacket.OPEN) {
                        String sid = SidOf.openPacket(packets.get(0).text());
                        if (sid != null) {
                            ProxyConnection c = registry.open("polling");
                            PollingExchange ex = new PollingExchange(
                                    c,
                                    upstream,
                                    interceptor,
                                    registry,
                                    ctx.channel().eventLoop(),
                                    () -> exchanges.remove(sid));
                            exchanges.put(sid, ex);
                            registry.opened(c, sid);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    // not Engine.IO: relayed below as it came
                }
            }
            Responses.relay(ctx, keepAlive, resp);
        });
    }

    private void shutdown() {
        Future<?> a = boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        Future<?> b = workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        a.awaitUninterruptibly(5, TimeUnit.SECONDS);
        b.awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        shutdown();
    }
}
