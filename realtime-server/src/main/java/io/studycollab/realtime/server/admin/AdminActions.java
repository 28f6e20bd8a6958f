package io.studycollab.realtime.server.admin;

import com.corundumstudio.socketio.MultiTypeArgs;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Admin UI's actions on the StudyCollab namespace's sockets: {@code join} and {@code leave} a
 * room, {@code _disconnect}, each on one socket id, the sockets of a room, or all of them. Only
 * admitted sockets (those the {@link SocketView.Directory} knows) are acted on.
 */
final class AdminActions {

    private static final Logger LOG = LoggerFactory.getLogger(AdminActions.class);

    private final SocketIOServer io;
    private final SocketView.Directory directory;

    AdminActions(SocketIOServer io, SocketView.Directory directory) {
        this.io = io;
        this.directory = directory;
    }

    /** Runs the action {@code args} name ({@code [action, nsp, room?, filter?]}); true when it acted. */
    boolean run(MultiTypeArgs args) {
        List<JsonNode> a = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            a.add((JsonNode) args.get(i));
        }
        String action = a.get(0).asText();
        String nsp = a.size() > 1 ? a.get(1).asText() : "";
        if (!nsp.equals("/")) {
            return false; // only the StudyCollab namespace's sockets are acted on
        }
        String filter = a.size() > 3 && a.get(3).isTextual() ? a.get(3).textValue() : null;
        switch (action) {
            case "join" -> targets(filter).forEach(c -> c.joinRoom(a.get(2).asText()));
            case "leave" -> targets(filter).forEach(c -> c.leaveRoom(a.get(2).asText()));
            case "_disconnect" -> targets(filter).forEach(SocketIOClient::disconnect);
            default -> {
                return false;
            }
        }
        LOG.info("admin action {} on {} in /", action, filter == null ? "every socket" : filter);
        return true;
    }

    /** Sockets of the default namespace whose id is {@code filter} or that are in room {@code filter}; all when null. */
    private List<SocketIOClient> targets(String filter) {
        List<SocketIOClient> out = new ArrayList<>();
        for (SocketIOClient c : io.getNamespace(Namespace.DEFAULT_NAME).getAllClients()) {
            if (directory.describe(c.getSessionId()) == null) {
                continue;
            }
            if (filter == null
                    || c.getSessionId().toString().equals(filter)
                    || c.getAllRooms().contains(filter)) {
                out.add(c);
            }
        }
        return out;
    }
}
