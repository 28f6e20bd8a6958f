package io.studycollab.realtime.proxy.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.studycollab.realtime.proxy.wire.EioPacket;
import java.util.List;

/** Websocket frames for {@link WebSocketBridge}: Engine.IO packets to frames, close frames copied, raw writes. */
final class WsFrames {

    private WsFrames() {}

    /** The same close frame for the other side: its status and reason, or none when it had none. */
    static CloseWebSocketFrame copyOf(CloseWebSocketFrame c) {
        return c.statusCode() < 0
                ? new CloseWebSocketFrame(true, 0, Unpooled.EMPTY_BUFFER)
                : new CloseWebSocketFrame(c.statusCode(), c.reasonText());
    }

    /** The Engine.IO packet a text frame carries, or null when it is not one (it then crosses as it came). */
    static EioPacket parse(String text) {
        try {
            return EioPacket.parseText(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether the Socket.IO type character of a message is one that needs no assembling and names
     * no user: an event, an ack, a disconnect or a connect error (not CONNECT, not binary).
     */
    static boolean isPlainSocketIo(byte sioType) {
        return sioType == '1' || sioType == '2' || sioType == '3' || sioType == '4';
    }

    /** Packets as frames; during a read burst on the event loop the flush waits for the burst's end. */
    static void write(Channel ch, List<EioPacket> packets, boolean deferFlush) {
        if (ch == null || !ch.isActive()) {
            return;
        }
        for (EioPacket p : packets) {
            ch.write(
                    p.isBinary()
                            ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(p.binary()))
                            : new TextWebSocketFrame(p.frameText()));
        }
        if (!(deferFlush && ch.eventLoop().inEventLoop())) {
            ch.flush();
        }
    }

    /** A frame as it is (released when the channel is gone). */
    static ChannelFuture writeRaw(Channel ch, WebSocketFrame frame) {
        if (ch == null || !ch.isActive()) {
            frame.release();
            return null;
        }
        return ch.writeAndFlush(frame);
    }
}
