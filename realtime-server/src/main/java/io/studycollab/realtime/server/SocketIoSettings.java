package io.studycollab.realtime.server;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListenerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.studycollab.realtime.protocol.ProtocolRules;
import io.studycollab.realtime.server.transport.RawEventJsonSupport;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** netty-socketio's configuration for a {@link ServerConfig}: what we change from its defaults, and why. */
final class SocketIoSettings {

    private static final Logger LOG = LoggerFactory.getLogger(StudyCollabServer.class);

    private SocketIoSettings() {}

    static Configuration of(ServerConfig config, int port) {
        Configuration c = new Configuration();
        c.setHostname(config.host());
        c.setPort(port);
        c.setContext("/socket.io");
        c.setJsonSupport(new RawEventJsonSupport());
        c.setMaxFramePayloadLength(ProtocolRules.MAX_PACKET_BYTES);
        c.setMaxHttpContentLength(ProtocolRules.MAX_PACKET_BYTES);
        c.setPingInterval((int) config.pingInterval().toMillis());
        c.setPingTimeout((int) config.pingTimeout().toMillis());
        c.setAckMode(AckMode.MANUAL);
        // Small JSON events do not shrink much, and inflating every frame costs each client more
        // than it saves: the official server leaves per-message deflate off too.
        c.setWebsocketCompression(false);
        c.setHttpCompression(false);
        c.setBossThreads(1);
        c.setWorkerThreads(Math.max(2, Runtime.getRuntime().availableProcessors()));
        SocketConfig socketConfig = new SocketConfig();
        socketConfig.setReuseAddress(true);
        socketConfig.setTcpNoDelay(true);
        c.setSocketConfig(socketConfig);
        c.setExceptionListener(new ExceptionListenerAdapter() {
            @Override
            public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
                LOG.debug("channel error, connection closed: {}", e.toString());
                ctx.close();
                return true;
            }

            @Override
            public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
                LOG.error("event handler failed", e);
            }

            @Override
            public void onAuthException(Throwable e, SocketIOClient client) {
                // HandshakeAuthenticator catches its own failures; this is netty-socketio's last resort.
                LOG.warn("auth listener failed for {}: {}", client.getSessionId(), e.toString());
            }
        });
        return c;
    }
}
