package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.protocol.EventNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionStateMachineTest {

    private final ClientPartsFixture f = new ClientPartsFixture();
    private final AtomicInteger changes = new AtomicInteger();
    private final ReconnectPolicy policy = ReconnectPolicy.defaults()
            .withInitialDelay(Duration.ofSeconds(1))
            .withMaxDelay(Duration.ofSeconds(30))
            .withMaxAttempts(2)
            .withJitter(0);
    private final ConnectionStateMachine machine =
            new ConnectionStateMachine(f.out, policy, f.loop, changes::incrementAndGet);

    @Test
    void eachMoveIsRecordedToldToListenersAndRefreshesTheSnapshot() {
        List<StateChange> seen = new ArrayList<>();
        machine.onChange(seen::add);
        machine.transition(ConnectionState.CONNECTING, StateCause.CONNECT_REQUESTED, "connecting", null, 0, -1);
        assertEquals(ConnectionState.CONNECTING, machine.state());
        assertEquals(1, seen.size());
        assertEquals(ConnectionState.DISCONNECTED, seen.get(0).from());
        assertEquals(StateCause.CONNECT_REQUESTED, seen.get(0).cause());
        assertEquals(1, changes.get());
        assertEquals(
                "CONNECTING",
                f.named(EventNames.CLIENT_STATE).get(0).payload().path("to").asText());
    }

    @Test
    void aFailureRetriesAfterThePolicysDelayOnTheClientsClockThenGivesUp() {
        AtomicInteger retries = new AtomicInteger();
        machine.retryOrFail(StateCause.CONNECTION_LOST, "lost", null, () -> true, retries::incrementAndGet);
        assertEquals(ConnectionState.RECONNECTING, machine.state());
        assertEquals(1, machine.attempt());
        assertEquals(f.clock.wallMillis() + 1000, machine.nextRetryAt());
        f.clock.advance(Duration.ofMillis(999));
        assertEquals(0, retries.get(), "not before the delay");
        f.clock.advance(Duration.ofMillis(1));
        assertEquals(1, retries.get());
        assertEquals(-1, machine.nextRetryAt());

        machine.retryOrFail(StateCause.CONNECT_ERROR, "refused", "X", () -> true, retries::incrementAndGet);
        f.clock.advance(Duration.ofSeconds(2)); // doubled
        assertEquals(2, retries.get());
        machine.retryOrFail(StateCause.CONNECT_ERROR, "refused", "X", () -> true, retries::incrementAndGet);
        assertEquals(ConnectionState.FAILED, machine.state());
        assertEquals(StateCause.GAVE_UP, machine.cause());
        assertTrue(machine.reason().endsWith("gave up after 2 retries"), machine.reason());
        assertEquals("X", machine.errorCode());
    }

    @Test
    void aRetryForAConnectionNoLongerCurrentOrCancelledDoesNothing() {
        AtomicInteger retries = new AtomicInteger();
        machine.retryOrFail(StateCause.CONNECTION_LOST, "lost", null, () -> false, retries::incrementAndGet);
        f.clock.advance(Duration.ofSeconds(5));
        assertEquals(0, retries.get(), "stale");
        machine.retryOrFail(StateCause.CONNECTION_LOST, "lost", null, () -> true, retries::incrementAndGet);
        machine.cancelRetry();
        f.clock.advance(Duration.ofSeconds(60));
        assertEquals(0, retries.get(), "cancelled");
        assertEquals(-1, machine.nextRetryAt());
    }

    @Test
    void connectingAgainAfterRetriesIsAReconnectAndForgetsTheError() {
        machine.error("AUTH_EXPIRED", "old token");
        machine.retryOrFail(StateCause.CONNECTION_LOST, "lost", null, () -> true, () -> {});
        machine.connected();
        assertEquals(ConnectionState.CONNECTED, machine.state());
        assertEquals(StateCause.RECONNECTED, machine.cause());
        assertEquals(0, machine.attempt());
        assertEquals(null, machine.errorCode());
        assertEquals("", machine.errorDetail());
        machine.error("KICKED", "bye");
        assertEquals(" (KICKED: bye)", machine.errorDetail());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<StateChange> seen = new ArrayList<>();
        machine.onChange(c -> {
            throw new IllegalStateException("listener bug");
        });
        machine.onChange(seen::add);
        machine.transition(ConnectionState.CONNECTING, StateCause.CONNECT_REQUESTED, "connecting", null, 0, -1);
        assertEquals(1, seen.size());
    }
}
