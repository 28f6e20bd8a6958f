package io.studycollab.realtime.server.netty;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.Channel;
import io.studycollab.realtime.server.HttpApi;

/** netty-socketio's pipeline plus our two handlers in front of its packet handler. */
public final class StudyCollabChannelInitializer extends SocketIOChannelInitializer {

    private final HttpApiHandler api;
    private final MissingAuthNormalizer normalizer = new MissingAuthNormalizer();
    private final PacketSizeLimiter sizeLimiter = new PacketSizeLimiter(io.studycollab.realtime.protocol.ProtocolRules.MAX_PACKET_BYTES);

    public StudyCollabChannelInitializer(HttpApi api) {
        this.api = new HttpApiHandler(api);
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
