package io.studycollab.realtime.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * netty-socketio's HTTP aggregator with nginx's answer to an oversized body: {@code 413} with a
 * JSON error (the HTTP API speaks JSON, and Engine.IO clients treat any 413 as a transport error),
 * then the connection is closed, whether the size was announced by Content-Length or found while
 * reading a chunked body. An {@code Expect: 100-continue} with an acceptable length gets its 100.
 *
 * <p>Closing right after the answer loses it: the client is usually still sending its body, and a
 * socket closed with unread input is reset, taking the unread 413 with it. So, like nginx's
 * lingering close, the answer is followed by a half-close (FIN: the client reads the 413 and then
 * the end), and what the client still sends is read and dropped for at most {@link #LINGER} before
 * the connection is closed. Must sit after the response encoder, as in Netty's own server codecs,
 * so that what it writes is encoded.
 */
public final class JsonHttpAggregator extends HttpObjectAggregator {

    /** How long the rest of a refused body is read and dropped (nginx's lingering_timeout is 5 s). */
    public static final Duration LINGER = Duration.ofSeconds(5);

    private final int maxContentLength;
    private boolean lingering;

    public JsonHttpAggregator(int maxContentLength) {
        super(maxContentLength);
        this.maxContentLength = maxContentLength;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        if (HttpUtil.getContentLength(start, -1L) > maxContentLength) {
            return tooLarge();
        }
        return super.newContinueResponse(start, maxContentLength, pipeline);
    }

    @Override
    protected boolean closeAfterContinueResponse(Object msg) {
        return msg instanceof FullHttpResponse r && r.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        lingering = true;
        ctx.writeAndFlush(tooLarge()).addListener(written -> {
            if (!written.isSuccess() || !(ctx.channel() instanceof SocketChannel socket)) {
                ctx.close();
                return;
            }
            socket.shutdownOutput();
            ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (lingering) {
            ReferenceCountUtil.release(msg); // the rest of a refused body: read, never answered
            return;
        }
        super.channelRead(ctx, msg);
    }

    private FullHttpResponse tooLarge() {
        byte[] body = ("{\"ok\":false,\"error\":\"request body over " + maxContentLength + " bytes\"}")
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse res = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return res;
    }
}
