package io.studycollab.debugger.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.notifications.Notices;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.StateCause;
import io.studycollab.realtime.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 point 6: connection news collapses repeats, goes when the state it reports is resolved,
 * and a client that never got through is not told it "lost" a connection.
 */
class ConnectionNotifierTest {

    private final ManualClock clock = new ManualClock();
    private final Notices notices = new Notices(clock);
    private final ConnectionNotifier notifier = new ConnectionNotifier(notices);
    private ConnectionSnapshot last = ConnectionSnapshot.initial();

    private void go(ConnectionState state, String reason) {
        ConnectionSnapshot next = new ConnectionSnapshot(
                state,
                reason,
                null,
                null,
                2,
                5,
                -1,
                "http://127.0.0.1:1",
                null,
                null,
                null,
                null,
                null,
                -1,
                0,
                0,
                last.quality(),
                0,
                0,
                -1,
                causeOf(state, reason));
        notifier.onChange(last, next);
        last = next;
    }

    /** The typed cause the client gives with such a change. */
    private static StateCause causeOf(ConnectionState state, String reason) {
        if (reason.contains("by user")) {
            return StateCause.USER_DISCONNECT;
        }
        if (reason.contains("server disconnect")) {
            return StateCause.SERVER_DISCONNECT;
        }
        return switch (state) {
            case CONNECTED -> StateCause.CONNECTED;
            case CONNECTING -> StateCause.CONNECT_REQUESTED;
            case FAILED -> StateCause.GAVE_UP;
            default -> StateCause.CONNECTION_LOST;
        };
    }

    private String heading() {
        assertEquals(1, notices.shown().size(), "one connection notice: " + notices.shown());
        return notices.shown().get(0).heading();
    }

    @Test
    void aFirstFailureThatNeverConnectedIsNotALostConnection() {
        go(ConnectionState.CONNECTING, "connecting");
        go(ConnectionState.RECONNECTING, "connection refused");
        assertEquals("Cannot connect", heading());
        go(ConnectionState.FAILED, "connection refused");
        assertEquals("Could not connect", heading());
        assertTrue(notices.shown().get(0).text().contains("gave up after 2 tries"));
    }

    @Test
    void aLaterSuccessfulConnectClearsConnectionFailed() {
        go(ConnectionState.CONNECTING, "connecting");
        go(ConnectionState.FAILED, "connection refused");
        assertEquals(Notices.Kind.DANGER, notices.shown().get(0).kind());
        go(ConnectionState.CONNECTING, "user connect");
        go(ConnectionState.CONNECTED, "connected");
        assertTrue(notices.shown().isEmpty(), "resolved by the connect: " + notices.shown());
    }

    @Test
    void dropsUnderAFlakyNetworkCollapseIntoOneCountedNotice() {
        go(ConnectionState.CONNECTING, "connecting");
        go(ConnectionState.CONNECTED, "connected");
        for (int i = 0; i < 6; i++) {
            go(ConnectionState.RECONNECTING, "transport close");
            clock.advance(Duration.ofSeconds(2));
            go(ConnectionState.CONNECTED, "connected");
            clock.advance(Duration.ofSeconds(3));
        }
        // One notice at a time, however many cuts: the last reconnect, counted.
        assertEquals("Reconnected ×6 in 25 s", heading());
        go(ConnectionState.RECONNECTING, "transport close");
        // Seven drops, 5 s apart: the first at 0 s, this one at 30 s.
        assertEquals("Connection lost ×7 in 30 s", heading());
        assertEquals(Notices.Kind.WARNING, notices.shown().get(0).kind());
        clock.advance(Duration.ofSeconds(31));
        go(ConnectionState.CONNECTED, "connected");
        go(ConnectionState.RECONNECTING, "transport close");
        assertEquals("Connection lost", heading(), "older repeats fall out of the window");
    }

    @Test
    void passingNoticesExpireAndProblemsStayUntilResolved() {
        go(ConnectionState.CONNECTING, "connecting");
        go(ConnectionState.CONNECTED, "connected");
        go(ConnectionState.RECONNECTING, "transport close");
        notifier.info("Done", "Saved");
        assertEquals(2, notices.shown().size());
        clock.advance(Duration.ofSeconds(60));
        notices.expire();
        assertEquals("Connection lost", heading());
        go(ConnectionState.CONNECTED, "connected");
        assertEquals("Reconnected", heading());
        clock.advance(Duration.ofSeconds(9));
        notices.expire();
        assertTrue(notices.shown().isEmpty());
    }

    @Test
    void aUserDisconnectClearsAndAServerDisconnectIsTold() {
        go(ConnectionState.CONNECTING, "connecting");
        go(ConnectionState.CONNECTED, "connected");
        go(ConnectionState.DISCONNECTED, "io server disconnect");
        assertEquals("Disconnected by the server", heading());
        go(ConnectionState.CONNECTING, "connecting");
        go(ConnectionState.CONNECTED, "connected");
        go(ConnectionState.DISCONNECTED, "disconnected by user");
        assertTrue(notices.shown().isEmpty());
    }
}
