package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DISCONNECTED → CONNECTING → CONNECTED → RECONNECTING → FAILED, with the reason, the typed cause,
 * the server's last error and the attempt count. Each move is recorded ({@code client:state}) and
 * told to the state listeners; retries wait as {@link ReconnectPolicy} says, on the client's clock.
 * Confined to the event thread (listeners run there: keep them short).
 */
final class ConnectionStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStateMachine.class);

    private final ClientRecords records;
    private final ReconnectPolicy policy;
    private final Consumer<Runnable> loop;
    private final Runnable changed;
    private final CopyOnWriteArrayList<Consumer<StateChange>> listeners = new CopyOnWriteArrayList<>();
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private String reason = "not connected";
    private StateCause cause = StateCause.NONE;
    private String errorCode;
    private String errorMessage;
    private int attempt;
    private long nextRetryAt = -1;
    private Clock.Cancellable retryTimer;

    /** {@code changed} runs after every move, before it is recorded (the snapshot is refreshed there). */
    ConnectionStateMachine(ClientRecords records, ReconnectPolicy policy, Consumer<Runnable> loop, Runnable changed) {
        this.records = records;
        this.policy = policy;
        this.loop = loop;
        this.changed = changed;
    }

    void transition(ConnectionState to, StateCause why, String text, String code, int attemptNo, long retryInMillis) {
        ConnectionState from = state;
        state = to;
        reason = text;
        if (code != null) {
            errorCode = code;
        }
        StateChange change = new StateChange(
                from, to, text, code, attemptNo, retryInMillis, records.clock().wallMillis(), why);
        this.cause = why;
        changed.run();
        ObjectNode body = ProtocolCodec.object()
                .put("from", from.name())
                .put("to", to.name())
                .put("cause", why.name())
                .put("reason", text)
                .put("attempt", attemptNo)
                .put("retryInMs", retryInMillis);
        body.put("code", code);
        records.local(EventNames.CLIENT_STATE, body);
        if (to != ConnectionState.CONNECTED) {
            LOG.info("connection {} -> {}: {}", from, to, text);
        }
        for (Consumer<StateChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.error("state listener failed", e);
            }
        }
    }

    /** Connected: the attempt count starts again and the last error is forgotten. */
    void connected() {
        boolean again = attempt > 0 || state == ConnectionState.RECONNECTING;
        attempt = 0;
        nextRetryAt = -1;
        clearError();
        transition(
                ConnectionState.CONNECTED,
                again ? StateCause.RECONNECTED : StateCause.CONNECTED,
                again ? "reconnected" : "connected",
                null,
                0,
                -1);
    }

    /**
     * The connection failed for {@code why}: RECONNECTING with {@code retry} run after the policy's
     * delay (if {@code stillCurrent} then), or FAILED when the policy allows no more attempts.
     */
    void retryOrFail(StateCause why, String text, String code, BooleanSupplier stillCurrent, Runnable retry) {
        attempt++;
        if (!policy.allows(attempt)) {
            transition(
                    ConnectionState.FAILED,
                    StateCause.GAVE_UP,
                    text + "; gave up after " + (attempt - 1) + " retries",
                    code,
                    attempt - 1,
                    -1);
            return;
        }
        Duration delay = policy.delayFor(attempt);
        Clock clock = records.clock();
        nextRetryAt = clock.wallMillis() + delay.toMillis();
        retryTimer = clock.schedule(
                delay,
                () -> loop.accept(() -> {
                    if (stillCurrent.getAsBoolean()) {
                        nextRetryAt = -1;
                        retry.run();
                    }
                }));
        transition(ConnectionState.RECONNECTING, why, text, code, attempt, delay.toMillis());
    }

    /** No retry is due any more (the connection is being replaced or closed). */
    void cancelRetry() {
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
        nextRetryAt = -1;
    }

    void resetAttempts() {
        attempt = 0;
    }

    /** What the server said went wrong (a refusal, a {@code connection:error}). */
    void error(String code, String message) {
        errorCode = code;
        errorMessage = message;
    }

    void clearError() {
        error(null, null);
    }

    /** " (CODE: message)" after a server-side disconnect, from the last error the server sent. */
    String errorDetail() {
        return errorCode != null ? " (" + errorCode + (errorMessage != null ? ": " + errorMessage : "") + ")" : "";
    }

    EventHub.Subscription onChange(Consumer<StateChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    ConnectionState state() {
        return state;
    }

    String reason() {
        return reason;
    }

    StateCause cause() {
        return cause;
    }

    String errorCode() {
        return errorCode;
    }

    String errorMessage() {
        return errorMessage;
    }

    int attempt() {
        return attempt;
    }

    long nextRetryAt() {
        return nextRetryAt;
    }

    int maxAttempts() {
        return policy.maxAttempts();
    }
}
