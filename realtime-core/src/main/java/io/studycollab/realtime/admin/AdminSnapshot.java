package io.studycollab.realtime.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The server's view at one moment: servers, sockets and rooms, every secret masked.
 *
 * @param features       what the server lets an admin do ({@code config.supportedFeatures})
 * @param socketsKnown   true once the full socket list ({@code all_sockets}) arrived; a server in
 *                       production mode never sends it, so only stats are known
 */
public record AdminSnapshot(
        List<AdminServer> servers,
        List<AdminSocket> sockets,
        List<AdminRoom> rooms,
        Set<String> features,
        boolean socketsKnown,
        long asOfMillis) {

    /**
     * A snapshot of sockets that already carry their rooms: sockets sorted by namespace then id, and
     * the rooms they are in worked out from them (a room named as a socket's own id is private).
     */
    static AdminSnapshot assemble(
            List<AdminServer> servers,
            List<AdminSocket> sockets,
            Set<String> features,
            boolean socketsKnown,
            long asOfMillis) {
        List<AdminSocket> sorted = new ArrayList<>(sockets);
        sorted.sort(Comparator.comparing(AdminSocket::namespace).thenComparing(AdminSocket::id));
        Map<String, Map<String, Set<String>>> byRoom = new TreeMap<>();
        for (AdminSocket s : sorted) {
            for (String room : s.rooms()) {
                byRoom.computeIfAbsent(s.namespace(), n -> new TreeMap<>())
                        .computeIfAbsent(room, r -> new TreeSet<>())
                        .add(s.id());
            }
        }
        List<AdminRoom> rooms = new ArrayList<>();
        byRoom.forEach((nsp, named) -> named.forEach(
                (room, ids) -> rooms.add(new AdminRoom(nsp, room, ids, ids.size() == 1 && ids.contains(room)))));
        return new AdminSnapshot(servers, sorted, rooms, features, socketsKnown, asOfMillis);
    }

    public AdminSnapshot {
        servers = List.copyOf(servers);
        sockets = List.copyOf(sockets);
        rooms = List.copyOf(rooms);
        features = Set.copyOf(features);
    }

    public AdminSocket socket(String namespace, String id) {
        for (AdminSocket s : sockets) {
            if (s.id().equals(id) && s.namespace().equals(namespace)) {
                return s;
            }
        }
        return null;
    }

    public AdminRoom room(String namespace, String name) {
        for (AdminRoom r : rooms) {
            if (r.name().equals(name) && r.namespace().equals(namespace)) {
                return r;
            }
        }
        return null;
    }

    /** The sockets of a namespace's room, in socket id order; empty when there is no such room. */
    public List<AdminSocket> members(String namespace, String room) {
        List<AdminSocket> out = new ArrayList<>();
        AdminRoom r = room(namespace, room);
        if (r != null) {
            for (AdminSocket s : sockets) {
                if (s.namespace().equals(namespace) && r.socketIds().contains(s.id())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Machine-readable form for {@code inspect --json}: servers, rooms with member counts, sockets with rooms. */
    public ObjectNode toJson() {
        ObjectNode o = ProtocolCodec.object()
                .put("asOf", Instant.ofEpochMilli(asOfMillis).toString());
        o.put("socketsKnown", socketsKnown);
        ArrayNode f = o.putArray("features");
        features.stream().sorted().forEach(f::add);
        ArrayNode sv = o.putArray("servers");
        for (AdminServer s : servers) {
            ObjectNode n = sv.addObject()
                    .put("serverId", s.serverId())
                    .put("hostname", s.hostname())
                    .put("pid", s.pid())
                    .put("uptime", s.uptimeSeconds())
                    .put("clientsCount", s.clientsCount())
                    .put("pollingClientsCount", s.pollingClientsCount());
            ArrayNode ns = n.putArray("namespaces");
            for (AdminServer.NamespaceCount c : s.namespaces()) {
                ns.addObject().put("name", c.name()).put("socketsCount", c.socketsCount());
            }
        }
        ArrayNode rs = o.putArray("rooms");
        for (AdminRoom r : rooms) {
            ObjectNode n = rs.addObject()
                    .put("nsp", r.namespace())
                    .put("name", r.name())
                    .put("private", r.privateRoom())
                    .put("members", r.socketIds().size());
            ArrayNode ids = n.putArray("socketIds");
            r.socketIds().stream().sorted().forEach(ids::add);
        }
        ArrayNode ss = o.putArray("sockets");
        for (AdminSocket s : sockets) {
            ObjectNode n = ss.addObject()
                    .put("id", s.id())
                    .put("nsp", s.namespace())
                    .put("clientId", s.clientId())
                    .put("transport", s.transport())
                    .put("address", s.address())
                    .put("userId", s.userId())
                    .put("displayName", s.displayName())
                    .put("groupId", s.groupId())
                    .put(
                            "connectedAt",
                            s.connectedAtMillis() < 0
                                    ? null
                                    : Instant.ofEpochMilli(s.connectedAtMillis())
                                            .toString());
            ArrayNode rooms = n.putArray("rooms");
            s.rooms().stream().sorted().forEach(rooms::add);
            n.set("handshake", s.handshake());
            if (s.auth() != null) {
                n.set("auth", s.auth());
            }
            n.set("data", s.data());
        }
        return o;
    }
}
