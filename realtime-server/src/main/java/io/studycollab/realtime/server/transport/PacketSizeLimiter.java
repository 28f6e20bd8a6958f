package io.studycollab.realtime.server.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Refuses WebSocket messages over the protocol's 64 KiB at the transport, as the official server
 * does with {@code maxHttpBufferSize}: the connection is closed with 1009 (message too big). A
 * message may arrive in fragments (a first frame, then continuation frames), so the limit is on
 * their sum: netty-socketio's frame aggregator would otherwise throw on the sum and leave the
 * connection hanging without a close frame (1006 at the client). One instance per channel.
 */
public final class PacketSizeLimiter extends ChannelInboundHandlerAdapter {

    /** Its name in the pipeline, right in front of netty-socketio's websocket transport. */
    public static final String NAME = "studycollabPacketSize";

    private final int maxBytes;
    private long messageBytes;
    private boolean closing;

    public PacketSizeLimiter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame) || msg instanceof CloseWebSocketFrame) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        boolean continuation = frame instanceof ContinuationWebSocketFrame;
        messageBytes = (continuation ? messageBytes : 0) + frame.content().readableBytes();
        if (messageBytes > maxBytes) {
            closing = true;
            ReferenceCountUtil.release(msg);
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (frame.isFinalFragment()) {
            messageBytes = 0;
        }
        ctx.fireChannelRead(msg);
    }
}
