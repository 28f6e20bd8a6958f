package io.studycollab.realtime.server.transport;

import com.corundumstudio.socketio.Disconnectable;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.EventExecutor;
import io.studycollab.realtime.server.auth.HandshakeStats;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes an Engine.IO connection that has not completed its Socket.IO handshake (an admitted
 * CONNECT) within the configured timeout, like socket.io's {@code connectTimeout}: without it a
 * client could open connections and never send CONNECT, each held open forever. Sits right after
 * netty-socketio's authorize handler, which is where a new Engine.IO session is born (its open
 * request, the one without a {@code sid}); the timer runs on the server's injected clock.
 *
 * <p>netty-socketio's own {@code ClientHead.disconnect()} is not enough here: it closes a
 * websocket as soon as its DISCONNECT packet is handed over, so no close frame ever reaches the
 * client (a browser sees 1006, some clients see nothing at all), and it never forgets a session that
 * joined no namespace, so every silent connection would stay in its session table for good.
 */
@ChannelHandler.Sharable
public final class HandshakeDeadline extends ChannelInboundHandlerAdapter {

    private static final int WAITING = 0;
    private static final int ADMITTED = 1;
    private static final int EXPIRED = 2;

    /**
     * An Engine.IO session born and not yet judged: its timer, its websocket once it has one, and
     * whether it was admitted or expired first (admission and the deadline run on different threads:
     * a CONNECT may still be checked on the POST's channel while the timer fires on the opener's).
     */
    private static final class Pending {
        final ClientHead client;
        final AtomicInteger state = new AtomicInteger(WAITING);
        final EventExecutor loop;
        volatile Clock.Cancellable timer;
        volatile Channel websocket;

        Pending(ClientHead client, EventExecutor loop) {
            this.client = client;
            this.loop = loop;
        }
    }

    private final Clock clock;
    private final Duration timeout;
    private final HandshakeStats stats;
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private volatile Disconnectable sessions;

    public HandshakeDeadline(Clock clock, Duration timeout, HandshakeStats stats) {
        this.clock = clock;
        this.timeout = timeout;
        this.stats = stats;
    }

    /** Where an expired session is forgotten: netty-socketio's hub (the channel initializer). */
    void forgetSessionsWith(Disconnectable hub) {
        this.sessions = hub;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req) {
            Map<String, List<String>> query = new QueryStringDecoder(req.uri()).parameters();
            boolean websocket = query.getOrDefault("transport", List.of()).contains("websocket");
            List<String> sid = query.get("sid");
            ClientHead client = ctx.channel().attr(ClientHead.CLIENT).get();
            if (sid == null && client != null) {
                watch(client, ctx.channel(), websocket);
            } else if (sid != null && websocket) {
                upgrading(sid.get(0), ctx.channel());
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void watch(ClientHead client, Channel opened, boolean websocket) {
        // Judged on the loop of the channel that opened the session, like everything netty-socketio
        // does with it.
        Pending p = new Pending(client, opened.eventLoop());
        p.websocket = websocket ? opened : null;
        if (pending.putIfAbsent(client.getSessionId(), p) == null) {
            p.timer = clock.schedule(timeout, () -> p.loop.execute(() -> expire(p)));
        }
    }

    /** A polling session upgrading: its websocket is what must be closed if the deadline passes. */
    private void upgrading(String sid, Channel websocket) {
        try {
            Pending p = pending.get(UUID.fromString(sid));
            if (p != null) {
                p.websocket = websocket;
            }
        } catch (IllegalArgumentException notOurs) {
            // not a session id netty-socketio made; its transport refuses the request
        }
    }

    /**
     * Whether a socket may be admitted now: true for a session still waiting (or admitted before), false when its
     * deadline passed first (its connection is closed) or it is not an Engine.IO session we saw born.
     */
    public boolean claim(UUID session) {
        Pending p = pending.get(session);
        return p != null && (p.state.compareAndSet(WAITING, ADMITTED) || p.state.get() == ADMITTED);
    }

    private void expire(Pending p) {
        UUID id = p.client.getSessionId();
        if (!p.state.compareAndSet(WAITING, EXPIRED)) {
            return; // admitted: stays listed (not pending) until it goes
        }
        pending.remove(id, p);
        stats.timedOut();
        ClientHead client = p.client;
        Channel ws = p.websocket;
        if (ws != null && ws.isActive() && client.isTransportChannel(ws, Transport.WEBSOCKET)) {
            client.onChannelDisconnect(); // its ping timers, and the namespace a refused CONNECT left
            forget(client);
            // Written from in front of netty-socketio's encoder, which passes on only its own
            // messages, and before the channel closes: the client gets a real close frame.
            ChannelHandlerContext beforeTransport = ws.pipeline().context(PacketSizeLimiter.NAME);
            (beforeTransport != null ? beforeTransport.writeAndFlush(closeFrame()) : ws.writeAndFlush(closeFrame()))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            // Polling: an Engine.IO close packet answers a waiting long-poll GET (engine.io does
            // the same); once forgotten, the session's next request is refused.
            client.send(new Packet(PacketType.CLOSE, client.getEngineIOVersion()), Transport.POLLING);
            client.onChannelDisconnect();
            forget(client);
            if (ws != null) {
                ws.close();
            }
        }
    }

    private static CloseWebSocketFrame closeFrame() {
        return new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "handshake timeout");
    }

    private void forget(ClientHead client) {
        Disconnectable hub = sessions;
        if (hub != null) {
            hub.onDisconnect(client);
        }
    }

    /** Forgets a session that has gone (its timer would find nothing to close). */
    public void gone(UUID session) {
        Pending p = pending.remove(session);
        if (p != null && p.timer != null) {
            p.timer.cancel();
        }
    }

    /** Connections still waiting for an admitted CONNECT. */
    public int pending() {
        int n = 0;
        for (Pending p : pending.values()) {
            if (p.state.get() == WAITING) {
                n++;
            }
        }
        return n;
    }
}
