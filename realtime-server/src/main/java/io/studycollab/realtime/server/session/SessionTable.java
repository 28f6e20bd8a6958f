package io.studycollab.realtime.server.session;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The admitted sockets. A socket is in here exactly when its handshake completed: adding it is the
 * last step of admission, so nothing else can see a half-admitted socket.
 */
public final class SessionTable {

    private final Map<UUID, SocketSession> sessions = new ConcurrentHashMap<>();
    private volatile Predicate<UUID> gate = id -> true;

    /**
     * Admits only sockets {@code gate} lets through, deciding once per socket: the handshake
     * deadline, which may have closed the connection on another thread while its CONNECT was
     * being checked.
     */
    public void admitOnly(Predicate<UUID> gate) {
        this.gate = gate;
    }

    /** The gate refused: the connection was closed (handshake timeout) while its CONNECT was checked. */
    public static final class ConnectionClosed extends IllegalStateException {
        ConnectionClosed() {
            super("the connection was closed before its handshake completed");
        }
    }

    /** @throws ConnectionClosed when the gate refuses */
    public void admit(SocketSession s) {
        if (!gate.test(s.id())) {
            throw new ConnectionClosed();
        }
        sessions.put(s.id(), s);
    }

    /** The admitted session of this socket, or null (never admitted, refused, or gone). */
    public SocketSession get(UUID socket) {
        return sessions.get(socket);
    }

    public boolean isAdmitted(UUID socket) {
        return sessions.containsKey(socket);
    }

    /** Removes the socket; returns its session, or null when it was not admitted. */
    public SocketSession remove(UUID socket) {
        return sessions.remove(socket);
    }

    /** Removes {@code s} only if it is still the socket's session. */
    public boolean remove(SocketSession s) {
        return sessions.remove(s.id(), s);
    }

    public Collection<SocketSession> all() {
        return sessions.values();
    }

    public int size() {
        return sessions.size();
    }

    public void clear() {
        sessions.clear();
    }
}
