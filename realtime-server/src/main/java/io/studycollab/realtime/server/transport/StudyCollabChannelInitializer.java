package io.studycollab.realtime.server.transport;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.server.HttpApi;
import io.studycollab.realtime.server.auth.HandshakeStats;
import io.studycollab.realtime.server.http.HttpApiHandler;
import io.studycollab.realtime.server.http.JsonHttpAggregator;
import io.studycollab.realtime.server.limits.LoopLag;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * netty-socketio's pipeline plus ours: the websocket size limit, the HTTP API and the inbound
 * packet guard in front of its packet handler.
 */
public final class StudyCollabChannelInitializer extends SocketIOChannelInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(StudyCollabChannelInitializer.class);

    private static final QuietPipelineEnd QUIET_END = new QuietPipelineEnd();

    private final HttpApiHandler api;
    private final InboundPacketGuard guard;

    private final HandshakeDeadline deadline;
    private final UnreadConnections unread;
    private final LoopLag loops;

    public StudyCollabChannelInitializer(
            HttpApi api,
            HandshakeStats handshakes,
            HandshakeDeadline deadline,
            UnreadConnections unread,
            LoopLag loops) {
        this.loops = loops;
        this.api = new HttpApiHandler(api);
        this.guard = new InboundPacketGuard(handshakes);
        this.deadline = deadline;
        this.unread = unread;
        deadline.forgetSessionsWith(this);
    }

    @Override
    public void onDisconnect(ClientHead client) {
        super.onDisconnect(client);
        deadline.gone(client.getSessionId());
    }

    /**
     * Puts this pipeline in place of the server's own. The one replaced was built with the server
     * and owns a Netty timer that nothing else will stop; once collected, Netty reports it as a
     * leak at ERROR, in the user's log. netty-socketio offers no way to reach it but reflection.
     */
    public void installIn(SocketIOServer io) {
        try {
            Field factory = SocketIOServer.class.getDeclaredField("pipelineFactory");
            factory.setAccessible(true);
            Object replaced = factory.get(io);
            Field scheduler = SocketIOChannelInitializer.class.getDeclaredField("scheduler");
            scheduler.setAccessible(true);
            ((CancelableScheduler) scheduler.get(replaced)).shutdown();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("netty-socketio's own pipeline could not be shut down; Netty may report its timer", e);
        }
        io.setPipelineFactory(this);
    }

    @Override
    protected void initChannel(Channel ch) throws Exception {
        super.initChannel(ch);
        // netty-socketio flushes after every packet: a broadcast to 100 sockets was 100 write calls per
        // event. Flushes are gathered per channel and done once the event loop has run what is queued.
        ch.pipeline().addFirst("studycollabFlushConsolidation", new FlushConsolidationHandler(256, true));
        // Counted in /health until its first bytes are read (then it is a request, or a session).
        ch.pipeline().addFirst("studycollabUnread", unread.handler());
        loops.watch(ch.eventLoop()); // the loops whose lag holds cursor updates back
        // After the permessage-deflate handler: the limit is on what a packet inflates to.
        ch.pipeline()
                .addBefore(
                        WEB_SOCKET_TRANSPORT,
                        "studycollabPacketSize",
                        new PacketSizeLimiter(ProtocolRules.MAX_PACKET_BYTES));
        ch.pipeline().addBefore(PACKET_HANDLER, "studycollabHttpApi", api);
        ch.pipeline().addBefore(PACKET_HANDLER, "studycollabPacketGuard", guard);
        // After the response encoder (netty-socketio puts it before): what it answers must be encoded.
        ch.pipeline().remove(HTTP_AGGREGATOR);
        ch.pipeline().addAfter(HTTP_ENCODER, HTTP_AGGREGATOR, new JsonHttpAggregator(ProtocolRules.MAX_PACKET_BYTES));
        ch.pipeline().addAfter(AUTHORIZE_HANDLER, "studycollabHandshakeDeadline", deadline);
        ch.pipeline().addLast(QuietPipelineEnd.NAME, QUIET_END);
    }
}
