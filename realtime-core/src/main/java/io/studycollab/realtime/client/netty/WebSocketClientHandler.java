package io.studycollab.realtime.client.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.io.EOFException;
import java.net.ProtocolException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okio.ByteString;

/**
 * The Netty end of one {@link NettyWebSocket}: sends the upgrade request with the request's
 * headers, completes the handshake, answers pings and turns frames, the server's close and the
 * channel's end into the websocket's calls.
 */
final class WebSocketClientHandler extends SimpleChannelInboundHandler<Object> {

    private final NettyWebSocket ws;
    private final Request request;
    private final WebSocketClientHandshaker handshaker;

    WebSocketClientHandler(NettyWebSocket ws, Request request, int maxMessageBytes) {
        this.ws = ws;
        this.request = request;
        HttpHeaders headers = new DefaultHttpHeaders();
        for (Map.Entry<String, List<String>> h : request.headers().toMultimap().entrySet()) {
            headers.add(h.getKey(), h.getValue());
        }
        // OkHttp's Request turns ws:// into http://; the handshaker wants the websocket scheme back.
        String uri = request.url().toString().replaceFirst("^http", "ws");
        this.handshaker = WebSocketClientHandshakerFactory.newHandshaker(
                URI.create(uri), WebSocketVersion.V13, null, true, headers, maxMessageBytes);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshaker.handshake(ctx.channel()).addListener(f -> {
            if (!f.isSuccess()) {
                ws.failed(f.cause());
            }
        });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (!handshaker.isHandshakeComplete()) {
            if (msg instanceof FullHttpResponse response) {
                try {
                    handshaker.finishHandshake(ctx.channel(), response);
                } catch (RuntimeException e) {
                    ws.failed(new ProtocolException("websocket upgrade refused: HTTP "
                            + response.status().code() + " " + response.status().reasonPhrase()));
                    return;
                }
                ws.opened(toOkHttp(response));
            }
            return;
        }
        if (msg instanceof TextWebSocketFrame text) {
            ws.text(text.text());
        } else if (msg instanceof BinaryWebSocketFrame binary) {
            ws.binary(ByteString.of(ByteBufUtil.getBytes(binary.content())));
        } else if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (msg instanceof CloseWebSocketFrame close) {
            ws.closing(close.statusCode(), close.reasonText());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ws.closeSent()) {
            ws.closedByUs();
        } else {
            ws.failed(new EOFException("the server closed the connection"));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ws.failed(cause);
    }

    private Response toOkHttp(FullHttpResponse response) {
        Headers.Builder headers = new Headers.Builder();
        for (Map.Entry<String, String> h : response.headers()) {
            headers.add(h.getKey(), h.getValue());
        }
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(response.status().code())
                .message(response.status().reasonPhrase())
                .headers(headers.build())
                .build();
    }
}
