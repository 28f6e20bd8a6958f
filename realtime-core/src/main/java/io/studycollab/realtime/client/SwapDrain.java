package io.studycollab.realtime.client;

import io.socket.client.Socket;
import io.studycollab.realtime.protocol.EncodedPayload;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The connection a token swap left, kept until the server answers a heartbeat on it: everything
 * the server sent there before (broadcasts from before the new connection joined) has arrived by
 * then. Gives up waiting after a timeout on the client's clock. Confined to the event thread.
 */
final class SwapDrain {

    private final Clock clock;
    private final Duration timeout;
    private final HeartbeatScheduler heartbeats;
    private final Consumer<Runnable> loop;
    private Socket draining;
    private Clock.Cancellable timer;

    SwapDrain(Clock clock, Duration timeout, HeartbeatScheduler heartbeats, Consumer<Runnable> loop) {
        this.clock = clock;
        this.timeout = timeout;
        this.heartbeats = heartbeats;
        this.loop = loop;
    }

    /**
     * Drains {@code old}: what it still receives goes to {@code incoming}; when the marker heartbeat
     * is answered (or the timeout passes) it is closed and {@code ended} runs.
     */
    void start(Socket old, Consumer<Object[]> incoming, Runnable ended) {
        old.off();
        old.offAnyIncoming();
        old.io().off();
        draining = old;
        long marker = heartbeats.nextTs();
        Runnable end = () -> {
            if (draining == old) {
                stop();
                ended.run();
            }
        };
        old.onAnyIncoming(a -> {
            if (draining != old) {
                return;
            }
            if (EventNames.HEARTBEAT_ACK.equals(String.valueOf(a[0]))
                    && a.length > 1
                    && ProtocolCodec.fromWire(a[1]).tree().path("ts").asLong() == marker) {
                loop.accept(end);
                return;
            }
            incoming.accept(a);
        });
        old.emit(EventNames.HEARTBEAT, EncodedPayload.of(ProtocolCodec.object().put("ts", marker)));
        timer = clock.schedule(timeout, () -> loop.accept(end));
    }

    /** Closes the old connection now, without waiting further. */
    void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (draining != null) {
            Socket old = draining;
            draining = null;
            old.off();
            old.disconnect();
        }
    }

    boolean active() {
        return draining != null;
    }
}
