package io.studycollab.realtime.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection: an error no handler took (a peer that closed while a
 * fragmented websocket message or an HTTP body was still arriving) is one DEBUG line and a closed
 * connection. Without it Netty's pipeline tail logs each at WARN with a stack trace, so a client
 * could fill the operator's log just by hanging up mid-message.
 */
@ChannelHandler.Sharable
public final class QuietPipelineEnd extends ChannelInboundHandlerAdapter {

    public static final String NAME = "studycollabQuietEnd";

    private static final Logger LOG = LoggerFactory.getLogger(QuietPipelineEnd.class);

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug(
                "connection {} closed after an error no handler took: {}",
                ctx.channel().remoteAddress(),
                cause.toString());
        ctx.close();
    }
}
