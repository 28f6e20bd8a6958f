package io.studycollab.realtime.client;

/**
 * One transition of the connection state machine and why it happened.
 *
 * @param code         an error code when there is one (AUTH_EXPIRED, AUTH_INVALID, …), else null
 * @param attempt      the retry number this transition belongs to (0 when not retrying)
 * @param retryInMillis for RECONNECTING: the wait before the next attempt; else -1
 * @param cause        why, as a value (the reason is the same for people)
 */
public record StateChange(
        ConnectionState from,
        ConnectionState to,
        String reason,
        String code,
        int attempt,
        long retryInMillis,
        long atMillis,
        StateCause cause) {}
