package io.studycollab.realtime.proxy.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;

/**
 * The server end of a {@link WebSocketBridge}: finishes the websocket handshake with the server,
 * then hands its frames to the bridge.
 */
final class ServerWebSocketSide extends SimpleChannelInboundHandler<Object> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerWebSocketSide.class);

    private final WebSocketClientHandshaker hs;
    private final WebSocketBridge bridge;
    private final int maxFrame;

    ServerWebSocketSide(WebSocketClientHandshaker hs, WebSocketBridge bridge, int maxFrame) {
        this.hs = hs;
        this.bridge = bridge;
        this.maxFrame = maxFrame;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        hs.handshake(ctx.channel());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (!hs.isHandshakeComplete() && msg instanceof FullHttpResponse resp) {
            try {
                hs.finishHandshake(ctx.channel(), resp);
            } catch (WebSocketHandshakeException e) {
                bridge.refused(resp);
                ctx.close();
                return;
            }
            ctx.pipeline().addBefore(ctx.name(), "ws-aggregate", new WebSocketFrameAggregator(maxFrame));
            // nothing from the server until the client's side of the handshake is done
            ctx.channel().config().setAutoRead(false);
            bridge.accepted(ctx.channel(), resp);
            return;
        }
        if (msg instanceof WebSocketFrame f) {
            bridge.fromServer(f);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        bridge.serverReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (hs.isHandshakeComplete()) {
            bridge.serverGone();
        } else {
            bridge.serverClosedDuringHandshake();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("proxy: server side of a websocket failed, closing it", cause);
        ctx.close();
    }
}
