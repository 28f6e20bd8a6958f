package io.studycollab.realtime.client;

/** DISCONNECTED → CONNECTING → CONNECTED → RECONNECTING → (CONNECTED | FAILED). */
public enum ConnectionState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED,
    RECONNECTING,
    FAILED;

    public boolean isOnline() {
        return this == CONNECTED;
    }
}
