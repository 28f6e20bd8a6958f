package io.studycollab.realtime.supabase;

/**
 * Supabase Auth said no, or could not be reached. The message is Auth's own text ("Invalid login
 * credentials"); {@link #status()} is the HTTP status, 0 when no answer came.
 */
public final class AuthApiException extends RuntimeException {

    /** Error code used when Auth could not be reached at all. */
    public static final String NETWORK = "network_error";

    private final int status;
    private final String code;

    public AuthApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** Auth's {@code error_code} (or the OAuth {@code error}), or null when it sent none. */
    public String code() {
        return code;
    }

    /** Worth trying again later: no answer, rate limited, or Auth's own failure. */
    public boolean retryable() {
        return status == 0 || status == 429 || status >= 500;
    }

    /** "Invalid login credentials (HTTP 400)". */
    public String describe() {
        return getMessage() + (status > 0 ? " (HTTP " + status + ")" : "");
    }
}
