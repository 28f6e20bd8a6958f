package io.studycollab.debugger.cli;

import io.studycollab.realtime.admin.AdminRoom;
import io.studycollab.realtime.admin.AdminServer;
import io.studycollab.realtime.admin.AdminSnapshot;
import io.studycollab.realtime.admin.AdminSocket;
import java.io.PrintWriter;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The human-readable form of an admin snapshot that {@code inspect} prints. */
final class SnapshotText {

    private SnapshotText() {}

    static void print(AdminSnapshot s, PrintWriter out) {
        out.println("Servers (" + s.servers().size() + ")");
        for (AdminServer v : s.servers()) {
            out.printf(
                    "  %s  host %s  pid %d  up %.0f s  clients %d (polling %d)  namespaces %s%n",
                    v.serverId(),
                    v.hostname(),
                    v.pid(),
                    v.uptimeSeconds(),
                    v.clientsCount(),
                    v.pollingClientsCount(),
                    v.namespaces().stream()
                            .map(n -> n.name() + " " + n.socketsCount())
                            .collect(Collectors.joining(", ")));
        }
        if (!s.socketsKnown()) {
            out.println("Sockets and rooms: not sent by this server (admin mode \"production\")");
            return;
        }
        long shared = s.rooms().stream().filter(r -> !r.privateRoom()).count();
        out.println("Rooms (" + shared + ", private rooms left out)");
        for (AdminRoom r : s.rooms()) {
            if (!r.privateRoom()) {
                out.printf(
                        "  %s %s  %d member%s%n",
                        r.namespace(),
                        r.name(),
                        r.socketIds().size(),
                        r.socketIds().size() == 1 ? "" : "s");
            }
        }
        out.println("Sockets (" + s.sockets().size() + ")");
        for (AdminSocket k : s.sockets()) {
            String who = k.userId() == null
                    ? "-"
                    : k.userId() + (k.displayName() == null ? "" : " (" + k.displayName() + ")");
            out.printf(
                    "  %s %s  %s  %s  %s  rooms %s%n",
                    k.namespace(),
                    k.id(),
                    who,
                    k.transport(),
                    k.address(),
                    k.sharedRooms().isEmpty() ? "-" : String.join(",", new TreeSet<>(k.sharedRooms())));
        }
    }
}
