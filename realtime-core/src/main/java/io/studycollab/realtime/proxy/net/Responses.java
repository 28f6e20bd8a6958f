package io.studycollab.realtime.proxy.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writing responses to the client: the server's (end-to-end headers kept) or the proxy's own. */
final class Responses {

    private Responses() {}

    /** Relays a server response; releases it. */
    static void relay(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse upstream) {
        FullHttpResponse out = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, upstream.status(), upstream.content().retain());
        Headers.copyEndToEnd(upstream.headers(), out.headers());
        upstream.release();
        send(ctx, keepAlive, out);
    }

    /** A response the proxy makes up (a polling body from its queue, an "ok"), with the server's last headers. */
    static void answer(
            ChannelHandlerContext ctx,
            boolean keepAlive,
            HttpResponseStatus status,
            HttpHeaders like,
            String contentType,
            String body) {
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        if (like != null) {
            Headers.copyEndToEnd(like, out.headers());
        }
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        send(ctx, keepAlive, out);
    }

    static void badGateway(ChannelHandlerContext ctx, Throwable cause) {
        answer(
                ctx,
                false,
                HttpResponseStatus.BAD_GATEWAY,
                null,
                "text/plain; charset=UTF-8",
                "proxy: the server did not answer (" + cause.getClass().getSimpleName() + ")\n");
    }

    static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse out) {
        out.headers().set(HttpHeaderNames.CONTENT_LENGTH, out.content().readableBytes());
        out.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        ChannelFuture f = ctx.writeAndFlush(out);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
