package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.EventNames;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Events emitted while offline, kept in order until the connection is back. Bounded: when full
 * the oldest is dropped (its ack fails) and counted. Cursor updates coalesce to the latest
 * position and presence updates merge into one, moved to the position of the newest, so nothing
 * stale is replayed.
 */
public final class OfflineQueue {

    public static final int DEFAULT_CAPACITY = 1000;

    /** A queued emit; {@code ack} is null when the sender wants no acknowledgement. */
    public record Pending(String event, JsonNode payload, CompletableFuture<AckReply> ack) {}

    private final LinkedList<Pending> items = new LinkedList<>();
    private final int capacity;
    private long dropped;
    private long coalesced;

    public OfflineQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Adds an emit; returns what was dropped to make room (its ack should be failed), or null. */
    public Pending add(Pending pending) {
        JsonNode payload = pending.payload();
        if (EventNames.CURSOR_UPDATE.equals(pending.event()) || EventNames.PRESENCE_UPDATE.equals(pending.event())) {
            Pending previous = removeLast(pending.event());
            if (previous != null) {
                coalesced++;
                if (EventNames.PRESENCE_UPDATE.equals(pending.event())
                        && previous.payload() instanceof ObjectNode old
                        && payload instanceof ObjectNode fresh) {
                    ObjectNode merged = old.deepCopy();
                    merged.setAll(fresh);
                    payload = merged;
                }
                // The superseded update's ack completes with the newer one's.
                if (previous.ack() != null) {
                    CompletableFuture<AckReply> newer =
                            pending.ack() != null ? pending.ack() : new CompletableFuture<>();
                    newer.whenComplete((r, e) -> {
                        if (e != null) {
                            previous.ack().completeExceptionally(e);
                        } else {
                            previous.ack().complete(r);
                        }
                    });
                    pending = new Pending(pending.event(), payload, newer);
                } else {
                    pending = new Pending(pending.event(), payload, pending.ack());
                }
            }
        }
        items.addLast(pending);
        if (items.size() > capacity) {
            dropped++;
            return items.removeFirst();
        }
        return null;
    }

    private Pending removeLast(String event) {
        Iterator<Pending> it = items.descendingIterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.event().equals(event)) {
                it.remove();
                return p;
            }
        }
        return null;
    }

    /** The oldest queued emit, removed, or null when empty. */
    public Pending poll() {
        return items.pollFirst();
    }

    /** Everything queued, oldest first, leaving the queue empty. */
    public List<Pending> drain() {
        List<Pending> out = new ArrayList<>(items);
        items.clear();
        return out;
    }

    public int size() {
        return items.size();
    }

    public int capacity() {
        return capacity;
    }

    public long dropped() {
        return dropped;
    }

    public long coalesced() {
        return coalesced;
    }
}
