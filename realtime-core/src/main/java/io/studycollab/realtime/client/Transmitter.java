package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socket.client.Ack;
import io.socket.client.Socket;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.protocol.EncodedPayload;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Puts one outbound event on a socket: encodes it once, records it, emits it and, when an ack is
 * wanted, completes the caller's future with the reply (recording {@code client:ack} with the round
 * trip) or fails it with ACK_TIMEOUT on the client's clock. Never blocks: the timeout only
 * completes a future, the reply hops back onto the event thread through {@code loop}.
 */
final class Transmitter {

    private final ClientRecords records;
    private final Duration ackTimeout;
    private final Consumer<Runnable> loop;

    Transmitter(ClientRecords records, Duration ackTimeout, Consumer<Runnable> loop) {
        this.records = records;
        this.ackTimeout = ackTimeout;
        this.loop = loop;
    }

    void transmit(Socket socket, OfflineQueue.Pending p) {
        EncodedPayload wire = EncodedPayload.of(p.payload()); // the only serialisation (JacksonEventEncoder)
        records.publish(Direction.OUT, p.event(), p.payload(), wire.sizeBytes(), null);
        if (p.ack() == null) {
            socket.emit(p.event(), wire);
            return;
        }
        Clock clock = records.clock();
        long sentAt = clock.monoNanos();
        Clock.Cancellable timer = clock.schedule(
                ackTimeout,
                () -> p.ack()
                        .completeExceptionally(new RealtimeException(
                                RealtimeException.ACK_TIMEOUT,
                                "no acknowledgement for " + p.event() + " within " + ackTimeout.toMillis() + " ms")));
        socket.emit(p.event(), new Object[] {wire}, (Ack) args -> loop.accept(() -> {
            timer.cancel();
            ProtocolCodec.Decoded d = ProtocolCodec.fromWire(args.length > 0 ? args[0] : null);
            AckReply reply = AckReply.of(d.tree());
            ObjectNode body = ProtocolCodec.object()
                    .put("event", p.event())
                    .put("rttMs", (clock.monoNanos() - sentAt) / 1_000_000.0);
            body.set("reply", d.tree());
            records.local(EventNames.CLIENT_ACK, body);
            p.ack().complete(reply);
        }));
    }

    /** Fails the caller's ack future, if it has one, with {@code code}. */
    static void fail(OfflineQueue.Pending pending, String code, String message) {
        if (pending.ack() != null) {
            pending.ack().completeExceptionally(new RealtimeException(code, message + ": " + pending.event()));
        }
    }
}
