package io.studycollab.realtime.qa.swarm;

import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * One virtual user: its client and what it does on each of the pacer's ticks. No thread of its
 * own and a fixed amount of state (its last cursor sends included), so a swarm's memory grows with
 * its users only by what their connections hold.
 */
final class SwarmUser {

    private static final List<String> TOOLS = List.of("select", "pen", "highlighter", "eraser", "text", "shape");

    /** What the swarm counts for all its users. */
    interface Tally {
        void sent(int events);

        /** User {@code user} just moved its cursor to (x, y). */
        void cursorSent(SwarmUser user, double x, double y);
    }

    final int index;
    final RealtimeClient client;
    final String group;
    final CursorLatency.Sends sends = new CursorLatency.Sends();
    private final SwarmBehaviour behaviour;
    private final long cursorIntervalMs;
    private final long phaseMs;
    private final Random random;
    private final Tally tally;
    private CompletableFuture<?> joining;
    volatile boolean everConnected;
    volatile boolean joinedOnce;
    private long joinedAtMs = -1;
    private double t;
    private long nextCursorMs;
    private long nextToolMs;
    private long nextCustomMs;
    private long nextChurnMs;
    private long burstUntilMs;

    /** @param phaseMs where in the cursor interval this user sends, so users do not all send at once */
    SwarmUser(
            int index,
            RealtimeClient client,
            String group,
            SwarmBehaviour behaviour,
            double cursorRate,
            long phaseMs,
            Tally tally) {
        this.index = index;
        this.client = client;
        this.group = group;
        this.behaviour = behaviour;
        // Bursts move the cursor even when the steady rate is 0.
        this.cursorIntervalMs =
                cursorRate > 0 ? Math.round(1000 / cursorRate) : behaviour == SwarmBehaviour.BURST ? 50 : 0;
        this.phaseMs = phaseMs;
        this.tally = tally;
        this.random = new Random(7919L * index + 17);
        nextToolMs = 3_000 + random.nextInt(7_000);
        nextCustomMs = 5_000 + random.nextInt(10_000);
        nextChurnMs = 4_000 + random.nextInt(6_000);
    }

    /** On the pacer's thread, {@code nowMs} after the swarm started. */
    void tick(long nowMs) {
        if (client.state() != ConnectionState.CONNECTED) {
            return;
        }
        everConnected = true;
        // (Re)join until the server says we are in: a refused or lost join is tried again.
        if (client.snapshot().groupId() == null) {
            if (joining == null || joining.isDone()) {
                joining = client.joinGroup(group);
            }
            return;
        }
        joinedOnce = true;
        if (joinedAtMs < 0) {
            joinedAtMs = nowMs;
            nextCursorMs = phaseMs;
        }
        long elapsed = nowMs - joinedAtMs;
        switch (behaviour) {
            case IDLE -> {}
            case WANDER -> wander(elapsed);
            case BURST -> burst(elapsed);
            case CHURN -> {
                wander(elapsed);
                if (elapsed >= nextChurnMs) {
                    nextChurnMs = elapsed + 4_000 + random.nextInt(6_000);
                    client.leaveGroup().thenRun(() -> client.joinGroup(group));
                    tally.sent(2);
                }
            }
        }
    }

    private void wander(long elapsed) {
        if (cursorDue(elapsed)) {
            t += 0.05;
            moveTo(500 + 380 * Math.sin(t * (1 + index % 3) + index), 300 + 220 * Math.sin(t * (2 + index % 2)));
        }
        if (elapsed >= nextToolMs) {
            nextToolMs = elapsed + 6_000 + random.nextInt(8_000);
            client.changeTool(TOOLS.get(random.nextInt(TOOLS.size())));
            tally.sent(1);
        }
        if (elapsed >= nextCustomMs) {
            nextCustomMs = elapsed + 10_000 + random.nextInt(10_000);
            client.emit("swarm:note", ProtocolCodec.object().put("user", index), true);
            tally.sent(1);
        }
    }

    private void burst(long elapsed) {
        // About one burst every five seconds (the odds are per 10 ms tick), each a second long.
        if (elapsed >= burstUntilMs && random.nextInt(500) == 0) {
            burstUntilMs = elapsed + 1_000;
        }
        if (elapsed < burstUntilMs && cursorDue(elapsed)) {
            moveTo(random.nextInt(1000), random.nextInt(600));
            if (random.nextInt(4) == 0) {
                client.emit("swarm:burst", ProtocolCodec.object().put("user", index), true);
                tally.sent(1);
            }
        }
    }

    /** Fixed rate from the user's phase; after a stall the next move is one interval on, not a catch-up burst. */
    private boolean cursorDue(long elapsed) {
        if (cursorIntervalMs == 0 || elapsed < nextCursorMs) {
            return false;
        }
        nextCursorMs += cursorIntervalMs;
        if (nextCursorMs <= elapsed) {
            nextCursorMs = elapsed + cursorIntervalMs;
        }
        return true;
    }

    private void moveTo(double x, double y) {
        tally.cursorSent(this, x, y);
        client.updateCursor(x, y);
    }
}
