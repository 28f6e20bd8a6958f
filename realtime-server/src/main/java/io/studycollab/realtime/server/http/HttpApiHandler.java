package io.studycollab.realtime.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.protocol.ProtocolViolation;
import io.studycollab.realtime.server.HttpApi;
import io.studycollab.realtime.server.events.CustomEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The HTTP test API (§6) on the Socket.IO port: {@code GET /health} and
 * {@code GET|POST /api/realtime/test}. Everything else goes on to netty-socketio.
 */
@ChannelHandler.Sharable
public final class HttpApiHandler extends ChannelInboundHandlerAdapter {

    public static final String HEALTH = "/health";
    public static final String TEST = "/api/realtime/test";

    private final HttpApi api;

    public HttpApiHandler(HttpApi api) {
        this.api = api;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req) {
            QueryStringDecoder query = new QueryStringDecoder(req.uri());
            String path = query.path();
            if (HEALTH.equals(path) || TEST.equals(path)) {
                try {
                    respond(ctx, req, handle(req, query));
                } finally {
                    ReferenceCountUtil.release(req);
                }
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private record Reply(HttpResponseStatus status, JsonNode body) {}

    private Reply handle(FullHttpRequest req, QueryStringDecoder query) {
        if (HEALTH.equals(query.path())) {
            return req.method().equals(HttpMethod.GET)
                    ? new Reply(HttpResponseStatus.OK, api.health())
                    : error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed");
        }
        // Legacy service-role key as a bearer token; Supabase's sb_secret_ keys travel in
        // `apikey` (as on a real project) or as a bearer token.
        String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        String apikey = req.headers().get("apikey");
        boolean bearerOk = auth != null && auth.startsWith("Bearer ") && api.authorized(auth.substring(7));
        if (!bearerOk && !(apikey != null && api.authorized(apikey))) {
            return error(HttpResponseStatus.UNAUTHORIZED, "invalid service role key");
        }
        if (req.method().equals(HttpMethod.GET)) {
            List<String> groups = query.parameters().get("groupId");
            if (groups == null || groups.isEmpty()) {
                return new Reply(HttpResponseStatus.OK, api.overview());
            }
            if (!ProtocolRules.isGroupId(groups.get(0))) {
                return error(HttpResponseStatus.BAD_REQUEST, "groupId must be 1-128 characters of [A-Za-z0-9_.:-]");
            }
            return new Reply(HttpResponseStatus.OK, api.group(groups.get(0)));
        }
        if (!req.method().equals(HttpMethod.POST)) {
            return error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed");
        }
        JsonNode body;
        try {
            body = ProtocolCodec.parse(req.content().toString(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return error(HttpResponseStatus.BAD_REQUEST, "body must be JSON");
        }
        try {
            CustomEvent e = CustomEvent.parse(body);
            int delivered = api.emit(e.event(), e.data(), e.groupId());
            ObjectNode ok = ProtocolCodec.object().put("ok", true).put("delivered", delivered);
            return new Reply(HttpResponseStatus.OK, ok);
        } catch (ProtocolViolation v) {
            return error(HttpResponseStatus.BAD_REQUEST, v.getMessage());
        }
    }

    private static Reply error(HttpResponseStatus status, String message) {
        return new Reply(status, ProtocolCodec.object().put("ok", false).put("error", message));
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, Reply reply) {
        byte[] bytes = ProtocolCodec.write(reply.body()).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse res =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status(), Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res);
        } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
