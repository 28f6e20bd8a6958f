package io.studycollab.realtime.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Refuses WebSocket messages over the protocol's 64 KiB at the transport, as the official server
 * does with {@code maxHttpBufferSize}: the connection is closed with 1009 (message too big). A
 * message may arrive in fragments (a first frame, then continuation frames), so the limit is on
 * their sum: netty-socketio's frame aggregator would otherwise throw on the sum and leave the
 * connection hanging without a close frame (1006 at the client). One instance per channel.
 *
 * <p>The close is a closing handshake, not a hang-up: the client is usually still sending the
 * oversized message, and a socket closed with unread input is reset, which loses the close frame
 * (the client sees 1006). So after the 1009 frame, what still arrives is read and dropped until
 * the client answers with its close frame or {@link #LINGER} passes. Netty's frame decoder would
 * close at once on a single frame over the limit; once the websocket is set up it is replaced by
 * one that reports that frame to this handler instead.
 */
public final class PacketSizeLimiter extends ChannelInboundHandlerAdapter {

    /** Its name in the pipeline, right in front of netty-socketio's websocket transport. */
    public static final String NAME = "studycollabPacketSize";

    /** How long a refused client has to answer the close frame (nginx reads on for 5 s too). */
    public static final Duration LINGER = Duration.ofSeconds(2);

    private final int maxBytes;
    private long messageBytes;
    private boolean closing;

    public PacketSizeLimiter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest) {
            ctx.fireChannelRead(msg);
            afterUpgrade(ctx.pipeline());
            return;
        }
        if (msg instanceof CloseWebSocketFrame && closing) {
            ReferenceCountUtil.release(msg);
            ctx.close(); // the client's answer: the closing handshake is complete
            return;
        }
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
            ReferenceCountUtil.release(msg);
            refuse(ctx);
            return;
        }
        if (frame.isFinalFragment()) {
            messageBytes = 0;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException bad
                && bad.closeStatus().equals(WebSocketCloseStatus.MESSAGE_TOO_BIG)) {
            refuse(ctx); // one frame over the limit; the decoder drops the rest of the input now
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private void refuse(ChannelHandlerContext ctx) {
        if (closing) {
            return;
        }
        closing = true;
        ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG));
        ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Once netty-socketio has answered a websocket upgrade, its handshaker has put Netty's frame
     * decoder in place, which closes the connection by itself on a frame over the limit. It is
     * swapped for one that reports such a frame instead, and this handler moves right behind it, so
     * that it sees the report before netty-socketio's handlers (which would close at once).
     */
    private void afterUpgrade(ChannelPipeline p) {
        if (p.get("wsdecoder") == null || p.get("wsencoder") == null || p.get(NAME) != this) {
            return;
        }
        p.replace(
                "wsdecoder",
                "wsdecoder",
                new WebSocket13FrameDecoder(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(maxBytes)
                        .allowExtensions(true)
                        .expectMaskedFrames(true)
                        .closeOnProtocolViolation(false)
                        .build()));
        p.remove(this);
        // After the encoder, so that the close frame written from here is encoded. A new instance:
        // Netty does not let a handler that is not sharable be added twice (and nothing is counted yet).
        p.addAfter("wsencoder", NAME, new PacketSizeLimiter(maxBytes));
    }
}
