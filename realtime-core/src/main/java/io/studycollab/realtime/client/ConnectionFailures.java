package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a failed or lost connection leads to: a refused token goes to FAILED and waits for a new
 * one, a server-side disconnect to DISCONNECTED, both without retrying; a timeout, a connect error
 * or a dropped connection retries as the policy says. Each is recorded first
 * ({@code client:connect-error}, {@code connection:lost}). Runs on the event thread.
 */
final class ConnectionFailures {

    /** The connection the failures happen to. */
    interface Host {
        void closeSocket();

        /** Opens a new socket (a retry). */
        void reopen();

        long generation();

        boolean closed();
    }

    private final ConnectionStateMachine state;
    private final ClientRecords records;
    private final HeartbeatScheduler heartbeats;
    private final Host host;
    private final Duration timeout;
    private final Consumer<Runnable> loop;
    private Clock.Cancellable connectTimer;

    ConnectionFailures(
            ConnectionStateMachine state,
            ClientRecords records,
            HeartbeatScheduler heartbeats,
            Host host,
            Duration connectTimeout,
            Consumer<Runnable> loop) {
        this.state = state;
        this.records = records;
        this.heartbeats = heartbeats;
        this.host = host;
        this.timeout = connectTimeout;
        this.loop = loop;
    }

    /** A new socket is connecting: it times out on the client's clock unless it stopped {@code stillConnecting}. */
    void armConnectTimeout(BooleanSupplier stillConnecting) {
        connectTimer = records.clock()
                .schedule(
                        timeout,
                        () -> loop.accept(() -> {
                            if (stillConnecting.getAsBoolean()) {
                                timedOut();
                            }
                        }));
    }

    /** Connected, refused or closed: the connect timeout no longer applies. */
    void disarmConnectTimeout() {
        if (connectTimer != null) {
            connectTimer.cancel();
            connectTimer = null;
        }
    }

    private void timedOut() {
        records.local(
                EventNames.CLIENT_CONNECT_ERROR,
                ProtocolCodec.object()
                        .put("code", "TIMEOUT")
                        .put("message", "no connection within " + timeout.toMillis() + " ms"));
        host.closeSocket();
        retryOrFail(StateCause.CONNECT_TIMEOUT, "connect timeout after " + timeout.toMillis() + " ms", "TIMEOUT");
    }

    /** socket.io's {@code connect_error}: a refusal (its code and message) or a transport failure. */
    void connectError(Object error) {
        disarmConnectTimeout();
        ConnectError refused = ConnectError.of(error);
        String code = refused.code();
        ObjectNode body = ProtocolCodec.object().put("message", refused.message());
        body.put("code", code);
        records.local(EventNames.CLIENT_CONNECT_ERROR, body);
        state.error(code, refused.message());
        host.closeSocket();
        if (ErrorCodes.isAuth(code)) {
            String why = "refused: " + code + " (" + refused.message() + "); set a new token and reconnect";
            state.transition(ConnectionState.FAILED, StateCause.AUTH_REFUSED, why, code, state.attempt(), -1);
        } else {
            retryOrFail(StateCause.CONNECT_ERROR, "connect error: " + refused.message(), code);
        }
    }

    /** socket.io's {@code disconnect} with its reason. */
    void disconnected(String why) {
        boolean wasConnected = state.state() == ConnectionState.CONNECTED;
        heartbeats.stop();
        if (wasConnected) {
            records.local(EventNames.CONNECTION_LOST, ProtocolCodec.object().put("reason", why));
        }
        switch (why) {
            case "io client disconnect" -> {
                /* ours: disconnect() already moved the state */
            }
            case "io server disconnect" -> {
                host.closeSocket();
                String text =
                        "server closed the connection" + state.errorDetail() + "; not retrying, reconnect manually";
                state.transition(
                        ConnectionState.DISCONNECTED, StateCause.SERVER_DISCONNECT, text, state.errorCode(), 0, -1);
            }
            default -> {
                host.closeSocket();
                retryOrFail(StateCause.CONNECTION_LOST, "connection lost: " + why, null);
            }
        }
    }

    private void retryOrFail(StateCause cause, String why, String code) {
        long gen = host.generation();
        state.retryOrFail(cause, why, code, () -> gen == host.generation() && !host.closed(), host::reopen);
    }
}
