package io.studycollab.debugger.server;

import io.studycollab.realtime.admin.AdminRoom;
import io.studycollab.realtime.admin.AdminServer;
import io.studycollab.realtime.admin.AdminSnapshot;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.admin.crosscheck.Divergence;
import java.util.List;
import java.util.Set;

/**
 * The Server tab's content at one moment, made off the FX thread: the snapshot and the rows each table
 * shows, already filtered and sorted as the query asked.
 *
 * @param version     goes up with every new reading; the FX side applies a reading only once
 * @param divergences the cross-check's open divergences for our group, oldest first
 * @param crossCheck  whether the cross-check ran and why (it runs only against our client's own server)
 */
public record ServerReading(
        long version,
        AdminSnapshot snapshot,
        ServerQuery query,
        List<AdminSocket> sockets,
        List<AdminRoom> rooms,
        List<NamespaceRow> namespaces,
        List<Divergence> divergences,
        String crossCheck) {

    public static final ServerReading EMPTY = new ServerReading(
            0,
            new AdminSnapshot(List.of(), List.of(), List.of(), Set.of(), false, 0),
            ServerQuery.DEFAULT,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "");

    /** One namespace of one server, with how many sockets it has. */
    public record NamespaceRow(String serverId, String name, int socketsCount) {}

    public List<AdminServer> servers() {
        return snapshot.servers();
    }

    /** How many sockets and rooms there are in all (the tables may show fewer: filtered). */
    public int socketCount() {
        return snapshot.sockets().size();
    }

    public int roomCount() {
        return snapshot.rooms().size();
    }
}
