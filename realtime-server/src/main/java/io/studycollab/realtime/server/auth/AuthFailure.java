package io.studycollab.realtime.server.auth;

/** A refused handshake: the protocol's code (AUTH_MISSING, AUTH_INVALID, AUTH_EXPIRED) and a human message. */
public final class AuthFailure extends Exception {

    private final String code;

    public AuthFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
