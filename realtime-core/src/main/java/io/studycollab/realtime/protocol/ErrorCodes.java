package io.studycollab.realtime.protocol;

/** Error codes of shared/protocol.md §1 and §4. */
public final class ErrorCodes {
    public static final String AUTH_MISSING = "AUTH_MISSING";
    public static final String AUTH_INVALID = "AUTH_INVALID";
    public static final String AUTH_EXPIRED = "AUTH_EXPIRED";
    public static final String INVALID_PAYLOAD = "INVALID_PAYLOAD";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String NOT_IN_GROUP = "NOT_IN_GROUP";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String INTERNAL = "INTERNAL";

    private ErrorCodes() {}

    public static boolean isAuth(String code) {
        return code != null && code.startsWith("AUTH_");
    }
}
