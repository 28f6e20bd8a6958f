package io.studycollab.realtime.server.netty;

import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * netty-socketio skips its auth listeners when a v4 CONNECT packet carries no auth object at
 * all, and admits the client (netty-socketio issues #983, #1067). The protocol says such a client
 * is refused with AUTH_MISSING, so a bare CONNECT ({@code 40}, or {@code 40/nsp,}) is rewritten
 * to carry an empty auth object, which the auth listener then refuses like any missing token.
 */
@ChannelHandler.Sharable
public final class MissingAuthNormalizer extends ChannelInboundHandlerAdapter {

    private static final char RECORD_SEPARATOR = '\u001e';

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof PacketsMessage pm && mightHoldBareConnect(pm.getContent())) {
            String text = pm.getContent().toString(StandardCharsets.UTF_8);
            String fixed = normalize(text);
            if (!fixed.equals(text)) {
                ByteBuf content = Unpooled.copiedBuffer(fixed, StandardCharsets.UTF_8);
                pm.getContent().release();
                ctx.fireChannelRead(new PacketsMessage(pm.getClient(), content, pm.getTransport()));
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static boolean mightHoldBareConnect(ByteBuf content) {
        int n = content.readableBytes();
        // "40" starts a payload or follows a record separator; cheap pre-check before decoding.
        return n >= 2 && n < 4096 && content.indexOf(content.readerIndex(), content.writerIndex(), (byte) '4') >= 0;
    }

    static String normalize(String payload) {
        String[] packets = payload.split(String.valueOf(RECORD_SEPARATOR), -1);
        boolean changed = false;
        for (int i = 0; i < packets.length; i++) {
            String p = packets[i];
            if (p.equals("40") || p.startsWith("40/") && p.endsWith(",") && p.indexOf(',') == p.length() - 1) {
                packets[i] = p + "{}";
                changed = true;
            }
        }
        return changed ? String.join(String.valueOf(RECORD_SEPARATOR), packets) : payload;
    }
}
