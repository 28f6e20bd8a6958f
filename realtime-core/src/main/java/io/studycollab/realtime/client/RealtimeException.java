package io.studycollab.realtime.client;

/** A failed request: not connected, timed out, dropped from the offline queue, or refused by the server. */
public final class RealtimeException extends RuntimeException {

    public static final String ACK_TIMEOUT = "ACK_TIMEOUT";
    public static final String QUEUE_OVERFLOW = "QUEUE_OVERFLOW";
    public static final String CLOSED = "CLIENT_CLOSED";

    private final String code;

    public RealtimeException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return "RealtimeException[" + code + "]: " + getMessage();
    }
}
