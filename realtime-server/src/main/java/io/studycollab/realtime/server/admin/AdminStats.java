package io.studycollab.realtime.server.admin;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/** The {@code server_stats} object of the admin protocol for this process. */
final class AdminStats {

    /** As often as {@code @socket.io/admin-ui} sends them. */
    static final Duration INTERVAL = Duration.ofSeconds(2);

    record Count(String name, int socketsCount) {}

    private AdminStats() {}

    static ObjectNode of(
            String serverId, double uptimeSeconds, int clients, List<Count> namespaces, Iterable<SocketIOClient> all) {
        int polling = 0;
        for (SocketIOClient c : all) {
            if (c.getTransport() == Transport.POLLING) {
                polling++;
            }
        }
        ObjectNode o = ProtocolCodec.object()
                .put("serverId", serverId)
                .put("hostname", hostname())
                .put("pid", ProcessHandle.current().pid())
                .put("uptime", uptimeSeconds)
                .put("clientsCount", clients)
                .put("pollingClientsCount", polling);
        o.putArray("aggregatedEvents");
        ArrayNode ns = o.putArray("namespaces");
        for (Count c : namespaces) {
            ns.addObject().put("name", c.name()).put("socketsCount", c.socketsCount());
        }
        return o;
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
