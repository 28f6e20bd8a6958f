package io.studycollab.realtime.server.limits;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every group's fan-out budget: messages a second delivered to the group's sockets (one broadcast to
 * 99 others costs 99). Within budget everything is sent at once. Beyond it, cursor updates are held
 * per sender instead of queued: a later position replaces a held one (latest wins), and every flush
 * interval the held positions are sent, oldest held first, as far as the budget allows, and at least
 * one per flush so cursors never stall. While a group holds any, new cursor updates join the hold
 * too, so every sender takes its turn. Other events are never held or dropped: they are sent at once
 * and charged to the budget, which can make cursors wait.
 *
 * <p>The budget is a rate the server is assumed to deliver; a server that gets too little CPU (a flood,
 * a busy machine) delivers less, queues what it cannot write, and reads its sockets later and later.
 * So cursor updates are also held while the event loops are behind ({@link LoopLag}), and then only
 * one held position per group goes out per flush: the server's CPU goes to reading its sockets, and
 * what a member receives is each sender's latest position rather than a queue of old ones.
 */
public final class GroupFanout implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupFanout.class);

    /** Where the messages go: a group's sockets, one of them excluded (the sender), or none (null). */
    public interface Rooms {
        int recipients(String groupId, UUID except);

        void send(String groupId, String event, ObjectNode payload, UUID except);
    }

    private record Held(String event, ObjectNode payload, UUID except) {}

    /** One group's budget and held cursors; guarded by itself. */
    private static final class Lane {
        final String groupId;
        final TokenBucket budget;
        final LinkedHashMap<String, Held> held = new LinkedHashMap<>();
        /** While a flush sends outside the lock, new cursors are held: none may overtake an older one. */
        boolean flushing;

        Lane(String groupId, TokenBucket budget) {
            this.groupId = groupId;
            this.budget = budget;
        }
    }

    private final Clock clock;
    private final double perSecond;
    private final Duration flushEvery;
    private final Rooms rooms;
    private final BooleanSupplier behind;
    private final LongAdder heldBehind = new LongAdder();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<Lane> holding = ConcurrentHashMap.newKeySet();
    private final LongAdder sentAtOnce = new LongAdder();
    private final LongAdder heldBack = new LongAdder();
    private final LongAdder replaced = new LongAdder();
    private final LongAdder flushed = new LongAdder();
    private Clock.Cancellable timer;
    private boolean closed;

    /** @param perSecond messages a second per group; 0: no budget, everything is sent at once */
    public GroupFanout(Clock clock, double perSecond, Duration flushEvery, Rooms rooms) {
        this(clock, perSecond, flushEvery, rooms, () -> false);
    }

    /** @param behind whether the server's loops are behind; cursors are held meanwhile (budget on only) */
    public GroupFanout(Clock clock, double perSecond, Duration flushEvery, Rooms rooms, BooleanSupplier behind) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.flushEvery = flushEvery;
        this.rooms = rooms;
        this.behind = behind;
    }

    /** Sends an event that is never held (anything but a cursor update) and charges the group's budget. */
    public void send(String groupId, String event, ObjectNode payload, UUID except) {
        if (perSecond > 0) {
            lane(groupId).budget.charge(rooms.recipients(groupId, except));
        }
        rooms.send(groupId, event, payload, except);
    }

    /**
     * Sends a cursor update now if the group's budget allows and it holds none, else holds it as
     * {@code sender}'s latest position.
     */
    public void cursor(String groupId, String sender, String event, ObjectNode payload, UUID except) {
        if (perSecond <= 0) {
            rooms.send(groupId, event, payload, except);
            sentAtOnce.increment();
            return;
        }
        Lane lane = lane(groupId);
        boolean late = behind.getAsBoolean();
        boolean now;
        synchronized (lane) {
            now = lane.held.isEmpty()
                    && !lane.flushing
                    && !late
                    && lane.budget.tryTake(rooms.recipients(groupId, except));
            if (!now && lane.held.put(sender, new Held(event, payload, except)) == null) {
                heldBack.increment();
                if (late) {
                    heldBehind.increment();
                }
            } else if (!now) {
                replaced.increment();
            }
        }
        // Sent outside the lock: a send writes to every recipient, and other event loops must not
        // wait for that to decide about their own cursors.
        if (now) {
            rooms.send(groupId, event, payload, except);
            sentAtOnce.increment();
            return;
        }
        holding.add(lane);
        armFlush();
    }

    /** Drops the group's budget and what it holds: its last socket left, nobody is there to receive it. */
    public void forget(String groupId) {
        Lane lane = lanes.remove(groupId);
        if (lane != null) {
            holding.remove(lane);
        }
    }

    private Lane lane(String groupId) {
        return lanes.computeIfAbsent(groupId, g -> new Lane(g, new TokenBucket(clock, perSecond, burst())));
    }

    /** A quarter of a second's budget may go at once. */
    private double burst() {
        return Math.max(1, perSecond / 4);
    }

    private synchronized void armFlush() {
        if (timer == null && !closed) {
            timer = clock.schedule(flushEvery, this::flush);
        }
    }

    private void flush() {
        synchronized (this) {
            timer = null;
        }
        try {
            boolean late = behind.getAsBoolean();
            for (Iterator<Lane> it = holding.iterator(); it.hasNext(); ) {
                Lane lane = it.next();
                List<Held> due;
                synchronized (lane) {
                    due = due(lane, late);
                    lane.flushing = true;
                    if (lane.held.isEmpty()) {
                        it.remove();
                    }
                }
                try {
                    for (Held h : due) {
                        rooms.send(lane.groupId, h.event(), h.payload(), h.except());
                        flushed.increment();
                    }
                } finally {
                    synchronized (lane) {
                        lane.flushing = false;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("flushing held cursor updates failed: {}", e.toString());
        } finally {
            if (!holding.isEmpty()) {
                armFlush();
            }
        }
    }

    /**
     * Takes the held cursors the budget allows now, oldest first, and at least one; only that one
     * while the loops are {@code late}.
     */
    private List<Held> due(Lane lane, boolean late) {
        List<Held> due = new ArrayList<>();
        for (Iterator<Held> it = lane.held.values().iterator(); it.hasNext(); ) {
            if (late && !due.isEmpty()) {
                break;
            }
            Held h = it.next();
            int cost = rooms.recipients(lane.groupId, h.except());
            if (!lane.budget.tryTake(cost)) {
                if (!due.isEmpty()) {
                    break;
                }
                lane.budget.charge(cost); // one a flush whatever the budget: held cursors never stall
            }
            it.remove();
            due.add(h);
        }
        return due;
    }

    /** Cursor updates held right now, all groups together. */
    public int heldNow() {
        int n = 0;
        for (Lane lane : holding) {
            synchronized (lane) {
                n += lane.held.size();
            }
        }
        return n;
    }

    /** Counters for /health: what was sent at once, held, replaced by a later position, and sent later. */
    public ObjectNode toJson() {
        return ProtocolCodec.object()
                .put("budgetPerSecond", perSecond)
                .put("cursorsSentAtOnce", sentAtOnce.sum())
                .put("cursorsHeld", heldBack.sum())
                .put("cursorsReplaced", replaced.sum())
                .put("cursorsSentLater", flushed.sum())
                .put("cursorsHeldNow", heldNow())
                .put("cursorsHeldLoopsBehind", heldBehind.sum());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
