package io.studycollab.realtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live model of what an admin namespace reported: servers from {@code server_stats}, sockets
 * from {@code all_sockets}, {@code socket_connected}, {@code socket_updated} and
 * {@code socket_disconnected}, rooms from those and {@code room_joined} / {@code room_left}.
 *
 * <p>Room membership is kept apart from the sockets because the official package announces a
 * socket's own room before the socket itself, and a room's {@code room_left} after its
 * {@code socket_disconnected}. Bad input (a missing field, a wrong type) is skipped and counted,
 * never thrown. Thread-safe: applied on socket.io's event thread, read from anywhere.
 */
public final class AdminModel {

    private record Key(String nsp, String id) {}

    private final Map<String, AdminServer> servers = new TreeMap<>();
    private final Map<Key, AdminSocket> sockets = new HashMap<>();
    private final Map<Key, Set<String>> rooms = new HashMap<>();
    private final Set<String> features = new LinkedHashSet<>();
    private boolean socketsKnown;
    private long asOfMillis;
    private long skipped;

    /**
     * Takes in one admin event (its arguments as JSON trees) and says what changed; an empty list
     * for events that change nothing or cannot be read.
     */
    public synchronized List<AdminChange> apply(String event, List<JsonNode> args, long nowMillis) {
        asOfMillis = nowMillis;
        JsonNode a0 = args.isEmpty() ? null : args.get(0);
        List<AdminChange> out = new ArrayList<>(1);
        switch (event) {
            case "config" -> config(a0, nowMillis, out);
            case "server_stats" -> stats(a0, nowMillis, out);
            case "all_sockets" -> allSockets(a0, nowMillis, out);
            case "socket_connected" -> connected(a0, arg(args, 1), nowMillis, out);
            case "socket_updated" -> updated(a0, nowMillis, out);
            case "socket_disconnected" -> disconnected(args, nowMillis, out);
            case "room_joined" -> room(true, args, nowMillis, out);
            case "room_left" -> room(false, args, nowMillis, out);
            case "event_received", "event_sent" -> event(event, args, nowMillis, out);
            default -> {
                // "session" and anything newer than 0.5: nothing the model keeps
            }
        }
        return out;
    }

    private static JsonNode arg(List<JsonNode> args, int i) {
        return args.size() > i ? args.get(i) : null;
    }

    private void config(JsonNode c, long now, List<AdminChange> out) {
        if (c == null || !c.path("supportedFeatures").isArray()) {
            skipped++;
            return;
        }
        features.clear();
        c.get("supportedFeatures").forEach(f -> features.add(f.asText()));
        out.add(new AdminChange("config", null, null, null, null, null, c, now));
    }

    private void stats(JsonNode s, long now, List<AdminChange> out) {
        if (s == null || !s.path("serverId").isTextual()) {
            skipped++;
            return;
        }
        List<AdminServer.NamespaceCount> ns = new ArrayList<>();
        for (JsonNode n : s.path("namespaces")) {
            if (n.path("name").isTextual()) {
                ns.add(new AdminServer.NamespaceCount(
                        n.get("name").textValue(), n.path("socketsCount").asInt()));
            }
        }
        AdminServer server = new AdminServer(
                s.get("serverId").textValue(),
                s.path("hostname").asText(null),
                s.path("pid").asLong(-1),
                s.path("uptime").asDouble(),
                s.path("clientsCount").asInt(),
                s.path("pollingClientsCount").asInt(),
                ns,
                now);
        servers.put(server.serverId(), server);
        ObjectNode detail = ((ObjectNode) s).deepCopy();
        detail.remove("aggregatedEvents"); // per-second counters: the stream would be mostly these
        out.add(new AdminChange("server_stats", null, null, null, null, null, detail, now));
    }

    private void allSockets(JsonNode list, long now, List<AdminChange> out) {
        if (list == null || !list.isArray()) {
            skipped++;
            return;
        }
        sockets.clear();
        rooms.clear();
        for (JsonNode s : list) {
            AdminSocket parsed = SocketParser.parse(s, "/", -1);
            if (parsed == null) {
                skipped++;
                continue;
            }
            Key k = new Key(parsed.namespace(), parsed.id());
            sockets.put(k, parsed);
            addRooms(k, parsed.rooms());
        }
        socketsKnown = true;
        out.add(new AdminChange(
                "all_sockets",
                null,
                null,
                null,
                null,
                null,
                JsonNodeFactory.instance.objectNode().put("count", sockets.size()),
                now));
    }

    private void connected(JsonNode s, JsonNode at, long now, List<AdminChange> out) {
        long when = SocketParser.time(at, now);
        AdminSocket parsed = SocketParser.parse(s, "/", when);
        if (parsed == null) {
            skipped++;
            return;
        }
        Key k = new Key(parsed.namespace(), parsed.id());
        sockets.put(k, parsed);
        addRooms(k, parsed.rooms());
        out.add(change("socket_connected", k, null, summary(parsed), when));
    }

    private void updated(JsonNode u, long now, List<AdminChange> out) {
        if (u == null || !u.path("id").isTextual()) {
            skipped++;
            return;
        }
        Key k = new Key(u.path("nsp").asText("/"), u.get("id").textValue());
        AdminSocket s = sockets.get(k);
        if (s == null) {
            skipped++;
            return;
        }
        if (u.path("transport").isTextual()) {
            s = s.withTransport(u.get("transport").textValue());
        }
        if (u.has("data")) {
            s = SocketParser.withData(s, u.get("data"));
        }
        sockets.put(k, s);
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("transport", s.transport());
        detail.set("data", s.data());
        out.add(change("socket_updated", k, null, detail, now));
    }

    private void disconnected(List<JsonNode> args, long now, List<AdminChange> out) {
        if (args.size() < 2 || !args.get(0).isTextual() || !args.get(1).isTextual()) {
            skipped++;
            return;
        }
        Key k = new Key(args.get(0).textValue(), args.get(1).textValue());
        long when = SocketParser.time(arg(args, 3), now);
        AdminChange c = change(
                "socket_disconnected",
                k,
                null,
                JsonNodeFactory.instance
                        .objectNode()
                        .put(
                                "reason",
                                arg(args, 2) == null ? null : arg(args, 2).asText()),
                when);
        sockets.remove(k);
        rooms.remove(k);
        out.add(c);
    }

    private void room(boolean joined, List<JsonNode> args, long now, List<AdminChange> out) {
        if (args.size() < 3
                || !args.get(0).isTextual()
                || !args.get(1).isTextual()
                || !args.get(2).isTextual()) {
            skipped++;
            return;
        }
        Key k = new Key(args.get(0).textValue(), args.get(2).textValue());
        String room = args.get(1).textValue();
        long when = SocketParser.time(arg(args, 3), now);
        if (joined) {
            addRooms(k, List.of(room));
        } else {
            Set<String> r = rooms.get(k);
            if (r == null || !r.contains(room)) {
                return; // left after it disconnected: already gone
            }
            Set<String> left = new LinkedHashSet<>(r);
            left.remove(room);
            rooms.put(k, Collections.unmodifiableSet(left));
        }
        out.add(change(joined ? "room_joined" : "room_left", k, room, null, when));
    }

    /**
     * A socket's room set is never changed once stored, only replaced (a few rooms: cheap), so that
     * {@link #snapshot} can copy the maps under the lock and build the rest outside it.
     */
    private void addRooms(Key k, Collection<String> more) {
        Set<String> was = rooms.get(k);
        Set<String> now = was == null ? new LinkedHashSet<>() : new LinkedHashSet<>(was);
        if (now.addAll(more) || was == null) {
            rooms.put(k, Collections.unmodifiableSet(now));
        }
    }

    private void event(String type, List<JsonNode> args, long now, List<AdminChange> out) {
        if (args.size() < 3 || !args.get(0).isTextual() || !args.get(1).isTextual()) {
            skipped++;
            return;
        }
        Key k = new Key(args.get(0).textValue(), args.get(1).textValue());
        JsonNode eventArgs = args.get(2);
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        if (eventArgs.isArray() && !eventArgs.isEmpty()) {
            detail.put("event", eventArgs.get(0).asText());
            ArrayNode rest = detail.putArray("args");
            for (int i = 1; i < eventArgs.size(); i++) {
                rest.add(SocketParser.mask(eventArgs.get(i)));
            }
        }
        out.add(change(type, k, null, detail, SocketParser.time(arg(args, 3), now)));
    }

    private AdminChange change(String type, Key k, String room, JsonNode detail, long at) {
        AdminSocket s = sockets.get(k);
        return new AdminChange(
                type, k.nsp, k.id, room, s == null ? null : s.userId(), s == null ? null : s.groupId(), detail, at);
    }

    private static ObjectNode summary(AdminSocket s) {
        ObjectNode o = JsonNodeFactory.instance
                .objectNode()
                .put("transport", s.transport())
                .put("address", s.address())
                .put("displayName", s.displayName());
        ArrayNode r = o.putArray("rooms");
        s.rooms().forEach(r::add);
        return o;
    }

    /**
     * Everything as it stands, in a stable order (namespace, then id or name). Only copying the maps
     * holds the lock: {@link #apply} runs on socket.io's event thread, which must not wait while 20,000
     * sockets are grouped by room and sorted (tens of milliseconds, several times a second: under load
     * the thread fell behind the admin events and, with them, the server's pings).
     */
    public AdminSnapshot snapshot() {
        Map<Key, AdminSocket> socketsNow;
        Map<Key, Set<String>> roomsNow;
        List<AdminServer> serversNow;
        Set<String> featuresNow;
        boolean known;
        long asOf;
        synchronized (this) {
            socketsNow = new HashMap<>(sockets);
            roomsNow = new HashMap<>(rooms); // the sets themselves are never changed (addRooms)
            serversNow = new ArrayList<>(servers.values());
            featuresNow = Set.copyOf(features);
            known = socketsKnown;
            asOf = asOfMillis;
        }
        List<AdminSocket> list = new ArrayList<>(socketsNow.size());
        socketsNow.forEach((k, socket) -> list.add(socket.withRooms(roomsNow.getOrDefault(k, Set.of()))));
        return AdminSnapshot.assemble(serversNow, list, featuresNow, known, asOf);
    }

    public synchronized Set<String> features() {
        return Set.copyOf(features);
    }

    /** Admin events that could not be read and were skipped. */
    public synchronized long skipped() {
        return skipped;
    }
}
