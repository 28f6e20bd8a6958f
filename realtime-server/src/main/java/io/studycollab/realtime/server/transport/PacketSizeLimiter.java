package io.studycollab.realtime.server.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Refuses WebSocket packets over the protocol's 64 KiB at the transport, as the official server
 * does with {@code maxHttpBufferSize}: the connection is closed with 1009 (message too big).
 * netty-socketio's frame payload setting alone lets such frames through.
 */
@ChannelHandler.Sharable
public final class PacketSizeLimiter extends ChannelInboundHandlerAdapter {

    private final int maxBytes;

    public PacketSizeLimiter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof WebSocketFrame frame && frame.content().readableBytes() > maxBytes) {
            ReferenceCountUtil.release(msg);
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
