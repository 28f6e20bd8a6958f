package io.studycollab.realtime.supabase;

import java.time.Duration;
import java.time.Instant;

/**
 * A refresh that failed: Auth's reason and status, when the access token in hand expires, and
 * whether another try is scheduled (only for failures that may pass: no answer, 429, 5xx).
 *
 * @param retryIn null when no retry is scheduled (the user must sign in again)
 */
public record RefreshProblem(AuthApiException cause, Instant tokenExpiresAt, Duration retryIn, Instant now) {

    /** "refresh failed: Invalid Refresh Token: Already Used (HTTP 400); the access token expires at … (in 2m 5s); sign in again". */
    public String message() {
        StringBuilder b = new StringBuilder("refresh failed: ").append(cause.describe());
        Duration left = Duration.between(now, tokenExpiresAt);
        if (left.isNegative() || left.isZero()) {
            b.append("; the access token expired at ").append(tokenExpiresAt);
        } else {
            b.append("; the access token expires at ")
                    .append(tokenExpiresAt)
                    .append(" (in ")
                    .append(human(left))
                    .append(')');
        }
        b.append(retryIn != null ? "; trying again in " + human(retryIn) : "; sign in again");
        return b.toString();
    }

    private static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 60 ? (s / 60) + "m " + (s % 60) + "s" : s + "s";
    }
}
