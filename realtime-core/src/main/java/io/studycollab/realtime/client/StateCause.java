package io.studycollab.realtime.client;

/** Why the connection state changed, as a value to switch on (the reason text is for people). */
public enum StateCause {
    /** {@code connect()} was called. */
    CONNECT_REQUESTED,
    /** The user asked to disconnect. */
    USER_DISCONNECT,
    /** The user asked to reconnect now. */
    USER_RECONNECT,
    /** The client was closed. */
    CLIENT_CLOSED,
    /** The Socket.IO handshake completed (first time). */
    CONNECTED,
    /** The Socket.IO handshake completed after a retry. */
    RECONNECTED,
    /** The server refused the token (AUTH_*): not retried. */
    AUTH_REFUSED,
    /** The server closed the connection: not retried. */
    SERVER_DISCONNECT,
    /** The handshake failed for another reason: retried. */
    CONNECT_ERROR,
    /** No handshake within the connect timeout: retried. */
    CONNECT_TIMEOUT,
    /** An established connection dropped: retried. */
    CONNECTION_LOST,
    /** The reconnect policy's attempts are used up. */
    GAVE_UP,
    /** The server URL cannot be used. */
    BAD_URL,
    /** Before any connection. */
    NONE
}
