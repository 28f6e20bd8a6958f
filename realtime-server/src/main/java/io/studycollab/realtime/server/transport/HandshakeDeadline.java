package io.studycollab.realtime.server.transport;

import com.corundumstudio.socketio.handler.ClientHead;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.studycollab.realtime.server.auth.HandshakeStats;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Closes an Engine.IO connection that has not completed its Socket.IO handshake (an admitted
 * CONNECT) within the configured timeout, like socket.io's {@code connectTimeout}: without it a
 * client could open connections and never send CONNECT, each held open forever. Sits right after
 * netty-socketio's authorize handler, which is where a new Engine.IO session is born (its open
 * request, the one without a {@code sid}); the timer runs on the server's injected clock.
 */
@ChannelHandler.Sharable
public final class HandshakeDeadline extends ChannelInboundHandlerAdapter {

    private final Clock clock;
    private final Duration timeout;
    private final Predicate<UUID> admitted;
    private final HandshakeStats stats;
    /** Engine.IO sessions born and not yet judged, with their timers. */
    private final Map<UUID, Clock.Cancellable> pending = new ConcurrentHashMap<>();

    public HandshakeDeadline(Clock clock, Duration timeout, Predicate<UUID> admitted, HandshakeStats stats) {
        this.clock = clock;
        this.timeout = timeout;
        this.admitted = admitted;
        this.stats = stats;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req) {
            ClientHead client = ctx.channel().attr(ClientHead.CLIENT).get();
            if (client != null
                    && !new QueryStringDecoder(req.uri()).parameters().containsKey("sid")) {
                watch(client, ctx.channel());
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void watch(ClientHead client, Channel opened) {
        pending.computeIfAbsent(
                client.getSessionId(),
                k -> clock.schedule(timeout, () -> opened.eventLoop().execute(() -> expire(client, opened))));
    }

    private void expire(ClientHead client, Channel opened) {
        if (pending.remove(client.getSessionId()) == null || admitted.test(client.getSessionId())) {
            return;
        }
        stats.timedOut();
        // disconnect() ends the Engine.IO session but closes a channel only on the transport it
        // believes current (polling, for a websocket-only client); the opening channel is closed
        // here, and later polls of the ended session are refused by netty-socketio.
        client.disconnect();
        ChannelHandlerContext beforeTransport = opened.pipeline().context(PacketSizeLimiter.NAME);
        if (opened.pipeline().get("wsencoder") != null && beforeTransport != null) {
            // Written from in front of netty-socketio's encoder, which passes on only its own messages.
            beforeTransport
                    .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "handshake timeout"))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            opened.close();
        }
    }

    /** Forgets a session that has gone (its timer would find nothing to close). */
    public void gone(UUID session) {
        Clock.Cancellable t = pending.remove(session);
        if (t != null) {
            t.cancel();
        }
    }

    /** Connections still waiting for an admitted CONNECT. */
    public int pending() {
        int n = 0;
        for (UUID id : pending.keySet()) {
            if (!admitted.test(id)) {
                n++;
            }
        }
        return n;
    }
}
