package io.studycollab.realtime.server.admin;

import com.corundumstudio.socketio.AuthTokenResult;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may open the admin namespace: loopback only unless remote admins are allowed, and, when a
 * user name is configured, the right credentials or a session id handed out before (the Admin UI
 * reconnects with it). Session ids are random and bounded in number.
 */
final class AdminAuth {

    private static final int MAX_SESSIONS = 1024;

    /** Admitted (with a new session id to send, or null), or refused with the reason. */
    record Verdict(AuthTokenResult refusal, String newSession) {
        boolean admitted() {
            return refusal == null;
        }
    }

    private final AdminConfig config;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    AdminAuth(AdminConfig config) {
        this.config = config;
    }

    Verdict check(Object authData, SocketAddress remote) {
        if (!config.allowRemote() && !loopback(remote)) {
            return refuse("admin namespace is loopback-only");
        }
        if (config.username() == null) {
            return new Verdict(null, null);
        }
        Map<?, ?> auth = authData instanceof Map<?, ?> m ? m : Map.of();
        Object sid = auth.get("sessionId");
        if (sid instanceof String s && sessions.contains(s)) {
            return new Verdict(null, null);
        }
        boolean credentials =
                config.username().equals(auth.get("username")) && config.passwordMatches(auth.get("password"));
        if (!credentials) {
            return refuse("invalid credentials");
        }
        byte[] b = new byte[8];
        random.nextBytes(b);
        String session = HexFormat.of().formatHex(b);
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.clear(); // bounded: old admin sessions log in again
        }
        sessions.add(session);
        return new Verdict(null, session);
    }

    /** Forgets every session id (the namespace closes). */
    void clear() {
        sessions.clear();
    }

    private static Verdict refuse(String message) {
        return new Verdict(new AuthTokenResult(false, Map.of("message", message)), null);
    }

    private static boolean loopback(SocketAddress a) {
        return a instanceof InetSocketAddress i
                && i.getAddress() != null
                && i.getAddress().isLoopbackAddress();
    }
}
