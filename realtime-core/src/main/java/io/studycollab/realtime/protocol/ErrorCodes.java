package io.studycollab.realtime.protocol;

/** Error codes of shared/protocol.md §1 and §4, and our one addition to §1. */
public final class ErrorCodes {
    public static final String AUTH_MISSING = "AUTH_MISSING";
    public static final String AUTH_INVALID = "AUTH_INVALID";
    public static final String AUTH_EXPIRED = "AUTH_EXPIRED";
    public static final String INVALID_PAYLOAD = "INVALID_PAYLOAD";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String NOT_IN_GROUP = "NOT_IN_GROUP";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String INTERNAL = "INTERNAL";
    /**
     * A CONNECT refused because the user already holds the most sockets the server allows (our
     * extension of §1; see src/docs/protocol-notes.md). Not an AUTH_ code: the token is good, and a
     * retry succeeds once one of the user's other sockets is gone.
     */
    public static final String TOO_MANY_CONNECTIONS = "TOO_MANY_CONNECTIONS";

    private ErrorCodes() {}

    public static boolean isAuth(String code) {
        return code != null && code.startsWith("AUTH_");
    }
}
