package io.studycollab.realtime.server.transport;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.store.Store;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.server.auth.HandshakeRefusal;
import io.studycollab.realtime.server.auth.HandshakeStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges every inbound packet with {@link PacketCheck} before netty-socketio decodes it, over both
 * transports and whatever else shares the payload: a CONNECT without an auth object is answered
 * {@code connect_error} AUTH_MISSING here and never reaches netty-socketio (which would admit it
 * without asking the auth listener, netty-socketio #983/#1067); a packet that is not the protocol
 * closes the connection, as socket.io does on a parse error, with one DEBUG line and a count
 * instead of netty-socketio's ERROR stack trace.
 */
@ChannelHandler.Sharable
public final class InboundPacketGuard extends ChannelInboundHandlerAdapter {

    private static final char RECORD_SEPARATOR = '\u001e';
    private static final String MALFORMED_SEEN = "studycollab.malformedSeen";

    private final HandshakeStats stats;

    public InboundPacketGuard(HandshakeStats stats) {
        this.stats = stats;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof PacketsMessage pm) || !judged(pm.getClient())) {
            ctx.fireChannelRead(msg);
            return;
        }
        ClientHead client = pm.getClient();
        String text = pm.getContent().toString(StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        boolean changed = false;
        for (String packet : text.split(String.valueOf(RECORD_SEPARATOR), -1)) {
            PacketCheck.Verdict v = PacketCheck.check(packet);
            switch (v.kind()) {
                case PASS -> kept.add(packet);
                case CONNECT_WITHOUT_AUTH -> {
                    if (v.reason() != null) {
                        stats.malformed(client.getSessionId(), v.reason(), firstOnConnection(client));
                    }
                    stats.refused(ErrorCodes.AUTH_MISSING);
                    refuse(client, v.namespace());
                    changed = true;
                }
                case MALFORMED -> {
                    stats.malformed(client.getSessionId(), v.reason(), firstOnConnection(client));
                    if (pm.getTransport() == Transport.WEBSOCKET) {
                        // Not client.disconnect(): it closes the channel as soon as its DISCONNECT is
                        // handed over, before a close frame can follow (the peer sees no close code).
                        // This ends the session (its namespaces leave, pings stop) and then closes
                        // with 1002, written in front of netty-socketio's encoder, which passes on
                        // only its own messages. A session that never joined a namespace is forgotten
                        // by the handshake deadline.
                        client.onChannelDisconnect();
                        ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR, v.reason()))
                                .addListener(ChannelFutureListener.CLOSE);
                    } else {
                        client.disconnect();
                    }
                    return;
                }
            }
        }
        if (!changed) {
            ctx.fireChannelRead(msg);
            return;
        }
        // The original content stays the transport's to release; the rewritten one is ours, and
        // netty-socketio decodes it (copying what it keeps) before fireChannelRead returns.
        if (!kept.isEmpty()) {
            ByteBuf rest =
                    Unpooled.copiedBuffer(String.join(String.valueOf(RECORD_SEPARATOR), kept), StandardCharsets.UTF_8);
            try {
                ctx.fireChannelRead(new PacketsMessage(client, rest, pm.getTransport()));
            } finally {
                rest.release();
            }
        }
    }

    /**
     * Engine.IO v4 text packets only: the binary attachments that follow a binary event are raw
     * bytes netty-socketio pairs with it, and v3 clients (another encoding) never carry auth.
     */
    private static boolean judged(ClientHead client) {
        Packet pending = client.getLastBinaryPacket();
        boolean attachment = pending != null && pending.hasAttachments() && !pending.isAttachmentsLoaded();
        return !attachment && client.getEngineIOVersion() == EngineIOVersion.V4;
    }

    /** True the first time a connection sends something malformed: it is logged once, counted always. */
    private static boolean firstOnConnection(ClientHead client) {
        Store store = client.getStore();
        if (store.has(MALFORMED_SEEN)) {
            return false;
        }
        store.set(MALFORMED_SEEN, Boolean.TRUE);
        return true;
    }

    private static void refuse(ClientHead client, String namespace) {
        Packet p = new Packet(PacketType.MESSAGE, client.getEngineIOVersion());
        p.setSubType(PacketType.ERROR);
        p.setNsp(namespace);
        p.setData(HandshakeRefusal.errorData(ErrorCodes.AUTH_MISSING, "no token in the handshake auth"));
        client.send(p);
    }
}
