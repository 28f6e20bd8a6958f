package io.studycollab.realtime.server.admin;

import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Turns the server's sockets and rooms into the admin protocol's change events by comparing them
 * with what admins were last told. netty-socketio raises no event when a socket joins or leaves a
 * room, and its connect listener fires before the handshake's token is checked, so instead of
 * hooking into the server's code paths the namespaces are scanned every {@code scanInterval} (and
 * right after an admin action). A room visit shorter than one scan is not reported; everything
 * that lasts is, with the time the scan saw it.
 */
final class SocketScanner {

    /** One admin-protocol event: its name and arguments. */
    record Emit(String event, List<Object> args) {}

    private record Key(String nsp, String id) {}

    private record Known(Set<String> rooms, SocketView view, String transport) {}

    private final Map<Key, Known> known = new HashMap<>();

    /** One namespace's clients, with the test of which ones are admitted (authenticated). */
    record Source(
            String nsp,
            Iterable<SocketIOClient> clients,
            Predicate<SocketIOClient> admitted,
            SocketView.Directory directory) {}

    synchronized List<Emit> scan(List<Source> sources, long nowMillis) {
        List<Emit> out = new ArrayList<>();
        TextNode at = new TextNode(Instant.ofEpochMilli(nowMillis).toString());
        Set<Key> seen = new HashSet<>();
        for (Source src : sources) {
            for (SocketIOClient c : src.clients()) {
                if (!c.isChannelOpen() || !src.admitted().test(c)) {
                    continue;
                }
                UUID uuid = c.getSessionId();
                Key k = new Key(src.nsp(), uuid.toString());
                seen.add(k);
                SocketView view =
                        src.directory() == null ? null : src.directory().describe(uuid);
                Set<String> rooms = rooms(c, src.nsp());
                String transport = SocketSerializer.transport(c);
                Known before = known.get(k);
                if (before == null) {
                    // new: the socket with all its rooms, its own private one included
                    out.add(new Emit(
                            "socket_connected", List.of(SocketSerializer.serialize(c, src.nsp(), view, rooms), at)));
                } else {
                    // data first: a socket that joined its group is never seen in the room without it
                    if (!Objects.equals(before.view(), view) || !transport.equals(before.transport())) {
                        JsonNode update = ProtocolCodec.object()
                                .put("id", k.id())
                                .put("nsp", src.nsp())
                                .put("transport", transport)
                                .set("data", SocketSerializer.data(view));
                        out.add(new Emit("socket_updated", List.of(update)));
                    }
                    for (String r : rooms) {
                        if (!before.rooms().contains(r)) {
                            out.add(new Emit("room_joined", List.of(src.nsp(), r, k.id(), at)));
                        }
                    }
                    for (String r : before.rooms()) {
                        if (!rooms.contains(r)) {
                            out.add(new Emit("room_left", List.of(src.nsp(), r, k.id(), at)));
                        }
                    }
                }
                known.put(k, new Known(rooms, view, transport));
            }
        }
        for (var it = known.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Known> e = it.next();
            if (!seen.contains(e.getKey())) {
                it.remove();
                out.add(new Emit(
                        "socket_disconnected",
                        List.of(e.getKey().nsp(), e.getKey().id(), "disconnect", at)));
            }
        }
        return out;
    }

    /** Every admitted socket as {@code all_sockets} lists them; call right after a scan. */
    synchronized ArrayNode all(List<Source> sources) {
        ArrayNode list = ProtocolCodec.mapper().createArrayNode();
        for (Source src : sources) {
            for (SocketIOClient c : src.clients()) {
                Key k = new Key(src.nsp(), c.getSessionId().toString());
                Known kn = known.get(k);
                if (kn != null) {
                    list.add(SocketSerializer.serialize(c, src.nsp(), kn.view(), kn.rooms()));
                }
            }
        }
        return list;
    }

    synchronized int count(String nsp) {
        int n = 0;
        for (Key k : known.keySet()) {
            if (k.nsp().equals(nsp)) {
                n++;
            }
        }
        return n;
    }

    /** The socket's own room (its id, as Socket.IO has it) and its rooms, without netty-socketio's namespace room. */
    private static Set<String> rooms(SocketIOClient c, String nsp) {
        Set<String> rooms = new LinkedHashSet<>();
        rooms.add(c.getSessionId().toString());
        for (String r : c.getAllRooms()) {
            if (!r.equals(nsp) && !r.isEmpty()) {
                rooms.add(r);
            }
        }
        return rooms;
    }
}
