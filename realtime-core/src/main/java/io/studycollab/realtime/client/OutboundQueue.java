package io.studycollab.realtime.client;

import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What waits to be sent while the client cannot send (offline, rejoining, draining a token swap),
 * and the paced flush afterwards: a burst at once, the rest below the server's rate limit so none
 * of it is dropped, sends made meanwhile queued up behind. Confined to the event thread; the pacing
 * timer runs on the client's clock and hops back through {@code loop}.
 */
final class OutboundQueue {

    /** The connection the queue drains into. */
    interface Link {
        /** Connected, in the group, nothing left over from a swap: sends may go out. */
        boolean ready();

        void transmit(OfflineQueue.Pending pending);

        /** Something the snapshot shows changed. */
        void changed();
    }

    private final OfflineQueue queue;
    private final Clock clock;
    private final int burst;
    private final long intervalNanos;
    private final ClientRecords records;
    private final Consumer<Runnable> loop;
    private final Link link;
    private int flushing; // queued events sent in this flush so far; 0 when not flushing
    private Clock.Cancellable flushTimer;
    private long epoch; // a timer set before the last reset() finds a newer epoch and does nothing

    OutboundQueue(ClientOptions options, ClientRecords records, Consumer<Runnable> loop, Link link) {
        this.queue = new OfflineQueue(options.offlineQueueCapacity());
        this.clock = records.clock();
        this.burst = Math.max(1, options.flushBurst());
        this.intervalNanos = (long) (1_000_000_000L / Math.max(0.001, options.flushRatePerSecond()));
        this.records = records;
        this.loop = loop;
        this.link = link;
    }

    /** Sends now when the link is ready and nothing queued still waits its turn; else queues. */
    void send(OfflineQueue.Pending pending) {
        if (link.ready() && flushing == 0 && queue.size() == 0) {
            link.transmit(pending);
        } else {
            offer(pending);
        }
    }

    /** Queues {@code pending}; the oldest is dropped (its ack failed, the drop recorded) when full. */
    private void offer(OfflineQueue.Pending pending) {
        OfflineQueue.Pending dropped = queue.add(pending);
        if (dropped != null) {
            Transmitter.fail(dropped, RealtimeException.QUEUE_OVERFLOW, "dropped from the full offline queue");
            records.local(
                    EventNames.CLIENT_QUEUE_DROPPED,
                    ProtocolCodec.object().put("event", dropped.event()).put("dropped", queue.dropped()));
        }
        link.changed();
    }

    /** Sends the next burst (or one, mid-flush) when the link is ready, and paces the rest. */
    void flush() {
        if (!link.ready() || flushTimer != null) {
            return;
        }
        if (queue.size() == 0) {
            if (flushing > 0) {
                records.local(
                        EventNames.CLIENT_QUEUE_FLUSHED,
                        ProtocolCodec.object()
                                .put("count", flushing)
                                .put("dropped", queue.dropped())
                                .put("coalesced", queue.coalesced()));
                flushing = 0;
            }
            link.changed();
            return;
        }
        int now = flushing == 0 ? burst : 1;
        for (int i = 0; i < now && queue.size() > 0; i++) {
            link.transmit(queue.poll());
            flushing++;
        }
        link.changed();
        long mine = epoch;
        flushTimer = clock.schedule(
                queue.size() == 0 ? Duration.ZERO : Duration.ofNanos(intervalNanos),
                () -> loop.accept(() -> {
                    if (mine == epoch) {
                        flushTimer = null;
                        flush();
                    }
                }));
    }

    /** The connection changed: a flush under way stops (the next connection starts its own). */
    void reset() {
        epoch++;
        if (flushTimer != null) {
            flushTimer.cancel();
            flushTimer = null;
        }
        flushing = 0;
    }

    /** Everything still waiting, in order, taken out of the queue. */
    List<OfflineQueue.Pending> drain() {
        return queue.drain();
    }

    int size() {
        return queue.size();
    }

    long dropped() {
        return queue.dropped();
    }
}
