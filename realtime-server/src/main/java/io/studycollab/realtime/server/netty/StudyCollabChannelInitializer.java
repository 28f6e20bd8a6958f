package io.studycollab.realtime.server.netty;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import io.netty.channel.Channel;
import io.studycollab.realtime.server.HttpApi;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** netty-socketio's pipeline plus our two handlers in front of its packet handler. */
public final class StudyCollabChannelInitializer extends SocketIOChannelInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(StudyCollabChannelInitializer.class);

    private final HttpApiHandler api;
    private final MissingAuthNormalizer normalizer = new MissingAuthNormalizer();
    private final PacketSizeLimiter sizeLimiter =
            new PacketSizeLimiter(io.studycollab.realtime.protocol.ProtocolRules.MAX_PACKET_BYTES);

    public StudyCollabChannelInitializer(HttpApi api) {
        this.api = new HttpApiHandler(api);
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
        // After the permessage-deflate handler: the limit is on what a packet inflates to.
        ch.pipeline().addBefore(WEB_SOCKET_TRANSPORT, "studycollabPacketSize", sizeLimiter);
        ch.pipeline().addBefore(PACKET_HANDLER, "studycollabHttpApi", api);
        ch.pipeline().addBefore(PACKET_HANDLER, "studycollabMissingAuth", normalizer);
    }
}
