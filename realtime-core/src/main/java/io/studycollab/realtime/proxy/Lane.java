package io.studycollab.realtime.proxy;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * The Socket.IO packets of one connection in one direction, kept in order. A packet that is held
 * (a breakpoint or a delay rule) holds every later packet of the lane behind it until it is
 * resolved; Engine.IO pings and pongs never enter a lane, so a held connection stays alive.
 */
public final class Lane {

    private final Supplier<PacketSink> sink;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();

    Lane(Supplier<PacketSink> sink) {
        this.sink = sink;
    }

    /** One packet in the lane: ready to go (forward or drop) or held until {@link #resolve}. */
    public static final class Entry {
        private WireMessage message;
        private boolean held;

        Entry(WireMessage message, boolean held) {
            this.message = message;
            this.held = held;
        }
    }

    /** Takes a packet with the interceptor's verdict: forwarded now unless something is held ahead of it. */
    public synchronized Entry submit(WireMessage message, boolean hold) {
        if (queue.isEmpty() && !hold) {
            if (message != null) {
                sink.get().send(message.frames());
            }
            return null;
        }
        Entry e = new Entry(message, hold);
        queue.add(e);
        return e;
    }

    /** Releases a held packet: {@code message} is what goes on (the original or an edit), null drops it. */
    public synchronized void resolve(Entry e, WireMessage message) {
        if (!e.held) {
            return;
        }
        e.held = false;
        e.message = message;
        drain();
    }

    /** How many packets wait in this lane (held ones and those behind them). */
    public synchronized int waiting() {
        return queue.size();
    }

    private void drain() {
        while (!queue.isEmpty() && !queue.peek().held) {
            Entry e = queue.poll();
            if (e.message != null) {
                sink.get().send(e.message.frames());
            }
        }
    }
}
