package io.studycollab.realtime.proxy.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.Future;

/** Anything that is not Socket.IO (the HTTP test API, /health, static files): passed through untouched. */
final class PlainForward {

    private PlainForward() {}

    /** Forwards {@code req} (releasing it) and relays the answer. */
    static void forward(Upstream upstream, ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        FullHttpRequest out = upstream.copyOf(req, req.uri(), req.content().retain());
        req.release();
        upstream.send(ctx.channel().eventLoop(), out).addListener((Future<FullHttpResponse> f) -> {
            if (f.isSuccess()) {
                Responses.relay(ctx, keepAlive, f.getNow());
            } else {
                Responses.badGateway(ctx, f.cause());
            }
        });
    }
}
