package io.studycollab.realtime.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Connections the server has accepted but not read a byte from yet. They are not Engine.IO sessions
 * (a session is born when its open request is read, see {@link HandshakeDeadline}), so without this
 * /health would not show them: on a busy server a burst of new connections waits here, and
 * netty-socketio closes one that sends nothing within its first-data timeout (5 s) before it ever
 * becomes a session. Each new channel gets a {@link #handler()} first in its pipeline; it counts the
 * channel until its first read and then takes itself out.
 */
public final class UnreadConnections {

    private final AtomicInteger unread = new AtomicInteger();
    private final LongAdder closedUnread = new LongAdder();

    /** For one new channel, first in its pipeline. */
    public ChannelHandler handler() {
        return new Watch();
    }

    /** Accepted connections nothing has been read from yet. */
    public int count() {
        return unread.get();
    }

    /** Connections that closed before the server read anything from them (either side closed). */
    public long closedUnread() {
        return closedUnread.sum();
    }

    /** One channel's count: confined to its event loop. */
    private final class Watch extends ChannelInboundHandlerAdapter {

        private boolean counted;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            counted = true;
            unread.incrementAndGet();
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            uncount(false);
            ctx.pipeline().remove(this); // nothing more to count on this channel
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            uncount(true);
            ctx.fireChannelInactive();
        }

        private void uncount(boolean closed) {
            if (counted) {
                counted = false;
                unread.decrementAndGet();
                if (closed) {
                    closedUnread.increment();
                }
            }
        }
    }
}
