package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.client.Ack;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.emitter.Emitter;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class TransmitterTest {

    /** A socket that never connects and keeps what is emitted on it. */
    private static final class RecordingSocket extends Socket {
        final List<String> events = new ArrayList<>();
        final List<Ack> acks = new ArrayList<>();

        RecordingSocket() {
            super(new Manager(), "/", new Manager.Options());
        }

        @Override
        public Emitter emit(String event, Object... args) {
            events.add(event);
            return this;
        }

        @Override
        public Emitter emit(String event, Object[] args, Ack ack) {
            events.add(event);
            acks.add(ack);
            return this;
        }
    }

    private final ClientPartsFixture f = new ClientPartsFixture();
    private final Transmitter transmitter = new Transmitter(f.out, Duration.ofSeconds(5), f.loop);
    private final RecordingSocket socket = new RecordingSocket();

    @Test
    void anEventIsRecordedAsSentWithItsWireSize() {
        transmitter.transmit(
                socket,
                new OfflineQueue.Pending("tool:change", ProtocolCodec.object().put("tool", "pen"), null));
        assertEquals(List.of("tool:change"), socket.events);
        assertEquals(Direction.OUT, f.records.get(0).direction());
        assertEquals("{\"tool\":\"pen\"}".length(), f.records.get(0).sizeBytes());
    }

    @Test
    void theReplyCompletesTheAckAndRecordsTheRoundTripOnTheClientsClock() throws Exception {
        CompletableFuture<AckReply> ack = new CompletableFuture<>();
        transmitter.transmit(socket, new OfflineQueue.Pending("group:join", ProtocolCodec.object(), ack));
        f.clock.advance(Duration.ofMillis(30));
        socket.acks.get(0).call(new JSONObject().put("ok", true));
        assertTrue(ack.get().ok());
        assertEquals(
                30.0,
                f.named(EventNames.CLIENT_ACK).get(0).payload().path("rttMs").asDouble(),
                0.001);
        f.clock.advance(Duration.ofSeconds(10));
        assertFalse(ack.isCompletedExceptionally(), "the timeout was cancelled");
    }

    @Test
    void noReplyWithinTheTimeoutFailsTheAck() {
        CompletableFuture<AckReply> ack = new CompletableFuture<>();
        transmitter.transmit(socket, new OfflineQueue.Pending("group:join", ProtocolCodec.object(), ack));
        f.clock.advance(Duration.ofMillis(4999));
        assertFalse(ack.isDone());
        f.clock.advance(Duration.ofMillis(1));
        ExecutionException e = assertThrows(ExecutionException.class, ack::get);
        assertEquals(RealtimeException.ACK_TIMEOUT, ((RealtimeException) e.getCause()).code());
        socket.acks.get(0).call(new JSONObject().put("ok", true)); // late: harmless
        assertTrue(ack.isCompletedExceptionally());
    }
}
