package io.studycollab.realtime.admin.crosscheck;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Whether the server an admin namespace belongs to is the server our client is connected to. The
 * cross-check compares the admin server's rooms with the presence our client folded: against another
 * server, every member would look like a ghost or a missing one. The admin protocol names a server by
 * an id our client never sees, so the two are matched by where they are reached: scheme (http and ws
 * alike, https and wss alike), host and port (the scheme's default when none is given). Loopback
 * names (localhost, 127.0.0.0/8, ::1) are one host: a sandbox reached as localhost is the same server
 * as at 127.0.0.1. A server behind a proxy or a load balancer under another name is not recognised
 * and is reported as not compared, never compared by mistake.
 */
public final class SameServer {

    /** The decision and the sentence the Server tab shows for it. */
    public record Verdict(boolean compared, String why) {}

    private SameServer() {}

    /**
     * @param adminUrl  the URL the admin client connected to (null: no admin connection)
     * @param clientUrl the server our client is connected to (null: not connected)
     */
    public static Verdict of(String adminUrl, String clientUrl) {
        if (adminUrl == null) {
            return new Verdict(false, "Cross-check off: not connected to an admin namespace.");
        }
        if (clientUrl == null) {
            return new Verdict(false, "Cross-check off: our client is not connected to a server.");
        }
        Endpoint admin = Endpoint.parse(adminUrl);
        Endpoint client = Endpoint.parse(clientUrl);
        if (admin == null || client == null) {
            return new Verdict(
                    false,
                    "Cross-check off: cannot tell whether " + printable(adminUrl) + " and " + printable(clientUrl)
                            + " are the same server.");
        }
        if (!admin.equals(client)) {
            return new Verdict(
                    false,
                    "Cross-check off: this admin server is " + admin + ", our client is connected to " + client
                            + " (another server: its rooms say nothing about our presence).");
        }
        return new Verdict(true, "Cross-check on: our client is connected to this server (" + client + ").");
    }

    private static String printable(String url) {
        String s = url.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** Where a server is reached: secure or not, host, port. */
    private record Endpoint(boolean secure, String host, int port) {

        static Endpoint parse(String url) {
            URI u;
            try {
                u = new URI(url.trim());
            } catch (URISyntaxException e) {
                return null;
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            boolean secure;
            switch (scheme) {
                case "http", "ws" -> secure = false;
                case "https", "wss" -> secure = true;
                default -> {
                    return null;
                }
            }
            String host = u.getHost();
            if (host == null || host.isEmpty()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (loopback(host)) {
                host = "localhost";
            }
            int port = u.getPort() >= 0 ? u.getPort() : secure ? 443 : 80;
            return new Endpoint(secure, host, port);
        }

        private static boolean loopback(String host) {
            return host.equals("localhost")
                    || host.matches("127(\\.\\d{1,3}){3}")
                    || host.equals("::1")
                    || host.equals("0:0:0:0:0:0:0:1");
        }

        @Override
        public String toString() {
            return (secure ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
