package io.studycollab.realtime.proxy.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * The client side of one TCP connection: Engine.IO websocket handshakes become bridges, polling
 * requests go to their connection's exchange, everything else is forwarded untouched.
 */
final class FrontHandler extends ChannelInboundHandlerAdapter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FrontHandler.class);

    private final ProxyRuntime runtime;
    private WebSocketBridge bridge;

    FrontHandler(ProxyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof WebSocketFrame frame) {
            if (bridge != null) {
                bridge.fromClient(frame);
            } else {
                ReferenceCountUtil.release(frame);
            }
            return;
        }
        if (!(msg instanceof FullHttpRequest req)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        if (!q.path().startsWith(runtime.socketIoPath())) {
            PlainForward.forward(runtime.upstream(), ctx, req);
            return;
        }
        String transport = first(q, "transport");
        if ("websocket".equals(transport) && Headers.isWebSocketUpgrade(req.headers())) {
            bridge = runtime.bridge(ctx, req);
            bridge.start();
        } else if ("polling".equals(transport)) {
            runtime.polling(ctx, req, first(q, "sid"));
        } else {
            PlainForward.forward(runtime.upstream(), ctx, req);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (bridge != null) {
            bridge.clientReadComplete();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (bridge != null) {
            bridge.clientGone();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("proxy: client connection failed, closing it", cause);
        ctx.close();
    }

    static String first(QueryStringDecoder q, String name) {
        List<String> v = q.parameters().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
