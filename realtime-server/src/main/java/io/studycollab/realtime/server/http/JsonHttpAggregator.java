package io.studycollab.realtime.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * netty-socketio's HTTP aggregator with nginx's answer to an oversized body: {@code 413} with a
 * JSON error (the HTTP API speaks JSON, and Engine.IO clients treat any 413 as a transport error),
 * then the connection is closed, whether the size was announced by Content-Length or found while
 * reading a chunked body. An {@code Expect: 100-continue} with an acceptable length gets its 100.
 */
public final class JsonHttpAggregator extends HttpObjectAggregator {

    private final int maxContentLength;

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
        ctx.writeAndFlush(tooLarge()).addListener(ChannelFutureListener.CLOSE);
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
