package io.studycollab.realtime.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a recording's outbound events (joins, leaves, presence, cursor, tool and custom events)
 * to a live server through another client, at the recorded pace divided by {@code speed}. Each
 * send is timed from the start, so delays do not accumulate.
 */
public final class ReEmitter implements AutoCloseable {

    public static final Set<String> REPLAYABLE = Set.of(
            EventNames.GROUP_JOIN,
            EventNames.GROUP_LEAVE,
            EventNames.PRESENCE_UPDATE,
            EventNames.CURSOR_UPDATE,
            EventNames.TOOL_CHANGE,
            EventNames.EVENT_EMIT);

    private final RealtimeClient client;
    private final Clock clock;
    private final List<EventRecord> steps;
    private final double speed;
    private final String group;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private volatile Clock.Cancellable timer;
    private volatile boolean cancelled;
    private long startNanos;
    private int next;

    /**
     * @param group when not null, joins and leaves and custom events go to this group instead of the recorded one
     */
    public ReEmitter(RealtimeClient client, Clock clock, List<EventRecord> steps, double speed, String group) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number");
        }
        this.client = client;
        this.clock = clock;
        this.steps = List.copyOf(steps);
        this.speed = speed;
        this.group = group;
    }

    /** The outbound events of a recording that can be sent again, in order. */
    public static List<EventRecord> replayable(Iterable<EventRecord> records) {
        List<EventRecord> out = new ArrayList<>();
        for (EventRecord r : records) {
            if (r.direction() == Direction.OUT && !r.malformed() && REPLAYABLE.contains(r.name())) {
                out.add(r);
            }
        }
        return out;
    }

    /** Starts sending; the future completes with the number of events sent. */
    public CompletableFuture<Integer> start() {
        startNanos = clock.monoNanos();
        scheduleNext();
        return done;
    }

    private void scheduleNext() {
        if (cancelled) {
            done.complete(next);
            return;
        }
        if (next >= steps.size()) {
            done.complete(next);
            return;
        }
        long offsetMillis = steps.get(next).wallMillis() - steps.get(0).wallMillis();
        long dueNanos = startNanos + (long) (offsetMillis * 1_000_000L / speed);
        long waitNanos = Math.max(0, dueNanos - clock.monoNanos());
        timer = clock.schedule(Duration.ofNanos(waitNanos), () -> {
            try {
                EventRecord r = steps.get(next);
                client.sendRaw(r.name(), retarget(r), false);
                next++;
                scheduleNext();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
    }

    private JsonNode retarget(EventRecord r) {
        JsonNode payload = r.payload();
        if (group == null || !(payload instanceof ObjectNode o)) {
            return payload;
        }
        boolean hasGroup = o.has("groupId") && !o.get("groupId").isNull();
        if (EventNames.GROUP_JOIN.equals(r.name())
                || EventNames.GROUP_LEAVE.equals(r.name())
                || EventNames.EVENT_EMIT.equals(r.name()) && hasGroup) {
            return o.deepCopy().put("groupId", group);
        }
        return payload;
    }

    public int sent() {
        return next;
    }

    public int total() {
        return steps.size();
    }

    @Override
    public void close() {
        cancelled = true;
        Clock.Cancellable t = timer;
        if (t != null) {
            t.cancel();
        }
        done.complete(next);
    }
}
