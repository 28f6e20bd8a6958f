package io.studycollab.realtime.admin;

import java.util.List;

/**
 * One server process as its latest {@code server_stats} describes it (sent every 2 s).
 *
 * @param uptimeSeconds      process uptime as the server reported it
 * @param clientsCount       Engine.IO connections
 * @param namespaces         sockets per namespace
 * @param receivedAtMillis   when these stats arrived here
 */
public record AdminServer(
        String serverId,
        String hostname,
        long pid,
        double uptimeSeconds,
        int clientsCount,
        int pollingClientsCount,
        List<NamespaceCount> namespaces,
        long receivedAtMillis) {

    public AdminServer {
        namespaces = List.copyOf(namespaces);
    }

    public record NamespaceCount(String name, int socketsCount) {}
}
