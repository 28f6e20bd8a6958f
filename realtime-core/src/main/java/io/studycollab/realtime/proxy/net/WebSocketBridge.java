package io.studycollab.realtime.proxy.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.studycollab.realtime.proxy.ConnectionRegistry;
import io.studycollab.realtime.proxy.Flow;
import io.studycollab.realtime.proxy.Interceptor;
import io.studycollab.realtime.proxy.PacketSink;
import io.studycollab.realtime.proxy.ProxyConnection;
import io.studycollab.realtime.proxy.wire.EioPacket;
import java.io.IOException;
import java.util.List;

/**
 * One client websocket bridged to one server websocket, frame for frame. The client's handshake is
 * answered only once the server accepted the same handshake (same path, query, cookies, Origin,
 * subprotocol); a refusal is relayed to the client as the server's HTTP answer. Close codes cross
 * as they came (a 1009 from the server's payload limit reaches the client as 1009).
 */
final class WebSocketBridge {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebSocketBridge.class);

    private final Upstream upstream;
    private final Interceptor interceptor;
    private final ConnectionRegistry registry;
    private final int maxFrame;
    private final ChannelHandlerContext front;
    private final FullHttpRequest handshake;
    private volatile Channel server;
    private volatile ProxyConnection conn;
    private volatile boolean sawOpen;
    private final PacketSink toServer = this::writeToServer;
    private final PacketSink toClient = this::writeToClient;

    WebSocketBridge(
            Upstream upstream,
            Interceptor interceptor,
            ConnectionRegistry registry,
            int maxFrame,
            ChannelHandlerContext front,
            FullHttpRequest handshake) {
        this.upstream = upstream;
        this.interceptor = interceptor;
        this.registry = registry;
        this.maxFrame = maxFrame;
        this.front = front;
        this.handshake = handshake;
    }

    void start() {
        HttpHeaders custom = new DefaultHttpHeaders();
        Headers.copyForWebSocket(handshake.headers(), custom);
        String subprotocol = handshake.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        WebSocketClientHandshaker hs = WebSocketClientHandshakerFactory.newHandshaker(
                upstream.webSocketUri(handshake.uri()),
                WebSocketVersion.V13,
                subprotocol,
                false,
                custom,
                maxFrame,
                true,
                false,
                -1,
                false,
                false);
        upstream.connect(front.channel().eventLoop(), () -> new ServerWebSocketSide(hs, this, maxFrame))
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        Responses.badGateway(front, f.cause());
                        handshake.release();
                    }
                });
    }

    void accepted(Channel serverChannel, FullHttpResponse serverAnswer) {
        server = serverChannel;
        String sid = new QueryStringDecoder(handshake.uri())
                .parameters().getOrDefault("sid", List.of()).stream()
                        .findFirst()
                        .orElse(null);
        ProxyConnection existing = registry.bySid(sid);
        if (existing != null) {
            conn = existing;
            sawOpen = true;
        } else {
            conn = registry.open("websocket");
        }
        conn.websocket(toServer, toClient);
        String location = "ws://" + handshake.headers().get(HttpHeaderNames.HOST, "localhost") + handshake.uri();
        String subprotocol = serverAnswer.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        WebSocketServerHandshaker hs =
                new WebSocketServerHandshakerFactory(location, subprotocol, false, maxFrame).newHandshaker(handshake);
        HttpHeaders extra = new DefaultHttpHeaders();
        Headers.copyForWebSocket(serverAnswer.headers(), extra);
        if (hs == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(front.channel());
            handshake.release();
            serverChannel.close();
            return;
        }
        hs.handshake(front.channel(), handshake, extra, front.newPromise()).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                front.pipeline().addBefore(front.name(), "ws-aggregate", new WebSocketFrameAggregator(maxFrame));
                serverChannel.config().setAutoRead(true);
            } else {
                serverChannel.close();
            }
        });
        handshake.release();
    }

    void refused(FullHttpResponse serverAnswer) {
        Responses.relay(front, false, serverAnswer.retain());
        handshake.release();
    }

    /** A frame from the client (front channel's handler calls this); takes ownership. */
    void fromClient(WebSocketFrame frame) {
        readingClient = front.channel().eventLoop().inEventLoop();
        try {
            if (frame instanceof TextWebSocketFrame t) {
                if (relayedAsIs(t, Flow.UP, server)) {
                    return;
                }
                EioPacket p = WsFrames.parse(t.text());
                if (p == null) {
                    WsFrames.writeRaw(server, new TextWebSocketFrame(t.text()));
                    return;
                }
                interceptor.onPacket(conn, Flow.UP, p, toServer);
                if (p.type() == EioPacket.UPGRADE) {
                    registry.upgraded(conn);
                }
            } else if (frame instanceof BinaryWebSocketFrame b) {
                interceptor.onPacket(
                        conn, Flow.UP, EioPacket.binaryMessage(ByteBufUtil.getBytes(b.content())), toServer);
            } else if (frame instanceof PingWebSocketFrame || frame instanceof PongWebSocketFrame) {
                WsFrames.writeRaw(server, frame.retain());
            } else if (frame instanceof CloseWebSocketFrame c) {
                WsFrames.writeRaw(server, WsFrames.copyOf(c));
            }
        } finally {
            frame.release();
        }
    }

    void fromServer(WebSocketFrame frame) {
        readingServer = front.channel().eventLoop().inEventLoop();
        if (frame instanceof TextWebSocketFrame t) {
            if (relayedAsIs(t, Flow.DOWN, front.channel())) {
                return;
            }
            EioPacket p = WsFrames.parse(t.text());
            if (p == null) {
                WsFrames.writeRaw(front.channel(), new TextWebSocketFrame(t.text()));
                return;
            }
            if (!sawOpen && p.type() == EioPacket.OPEN) {
                sawOpen = true;
                registry.opened(conn, SidOf.openPacket(p.text()));
            }
            interceptor.onPacket(conn, Flow.DOWN, p, toClient);
        } else if (frame instanceof BinaryWebSocketFrame b) {
            interceptor.onPacket(conn, Flow.DOWN, EioPacket.binaryMessage(ByteBufUtil.getBytes(b.content())), toClient);
        } else if (frame instanceof PingWebSocketFrame || frame instanceof PongWebSocketFrame) {
            WsFrames.writeRaw(front.channel(), frame.retain());
        } else if (frame instanceof CloseWebSocketFrame c) {
            WsFrames.writeRaw(front.channel(), WsFrames.copyOf(c));
        }
    }

    /**
     * The common case, cheaply: a Socket.IO event, ack or disconnect that nothing can stop, change or
     * take out (see {@link Interceptor#relaysUnseen}) goes on as the very frame it came in, bytes
     * untouched and flushed with the read burst, and only its text is kept for its record. Anything
     * else (control packets, CONNECT, binary, a lane holding packets) takes the full path.
     */
    private boolean relayedAsIs(TextWebSocketFrame t, Flow flow, Channel to) {
        ByteBuf b = t.content();
        int at = b.readerIndex();
        if (to == null
                || conn == null
                || b.readableBytes() < 2
                || b.getByte(at) != EioPacket.MESSAGE
                || !WsFrames.isPlainSocketIo(b.getByte(at + 1))
                || !interceptor.relaysUnseen(conn, flow)) {
            return false;
        }
        String text = t.text();
        if (to.isActive()) {
            if (to.eventLoop().inEventLoop()) {
                to.write(t.retain()); // flushed when the read burst ends
            } else {
                to.writeAndFlush(t.retain());
            }
        }
        interceptor.relayed(conn, flow, text);
        return true;
    }

    /** The client's channel closed. */
    void clientGone() {
        Channel s = server;
        if (s != null) {
            s.close();
        }
        if (conn != null && (conn.isUpgraded() && conn.sink(Flow.DOWN) == toClient)) {
            registry.close(conn, "client closed");
        }
    }

    void serverGone() {
        front.channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        if (conn != null && conn.isUpgraded() && conn.sink(Flow.DOWN) == toClient) {
            registry.close(conn, "server closed");
        }
    }

    private void writeToServer(List<EioPacket> packets) {
        WsFrames.write(server, packets, readingClient);
    }

    private void writeToClient(List<EioPacket> packets) {
        WsFrames.write(front.channel(), packets, readingServer);
    }

    // While a read burst is being handled on the event loop, writes are flushed once at its end
    // (channelReadComplete) instead of once per frame: one syscall for a burst of cursor updates.
    private boolean readingClient;
    private boolean readingServer;

    /** The client's read burst ended: flush what it sent on. */
    void clientReadComplete() {
        readingClient = false;
        Channel s = server;
        if (s != null) {
            s.flush();
        }
    }

    /** The server's read burst ended: flush what it sent on to the client. */
    void serverReadComplete() {
        readingServer = false;
        front.channel().flush();
    }

    /** The server's connection closed before the websocket handshake completed. */
    void serverClosedDuringHandshake() {
        if (front.channel().isActive() && handshake.refCnt() > 0) {
            Responses.badGateway(front, new IOException("closed during the websocket handshake"));
            handshake.release();
        }
    }
}
