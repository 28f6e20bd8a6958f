package io.studycollab.realtime.qa.swarm;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Connects a swarm's users at a steady rate rather than all in one instant, so a server's accept
 * queue and handshake see a ramp (2,000 connects at once overflowed backlogs that a real crowd
 * never does). Batches every 10 ms on the swarm's clock; 0 connects everyone at once.
 */
final class ConnectRamp {

    private static final long STEP_MS = 10;

    private final List<SwarmUser> users;
    private final IntFunction<String> urls;
    private final IntFunction<AccessToken> tokens;
    private final int perStep;
    private final Clock clock;
    private int next;
    private volatile boolean stopped;

    ConnectRamp(
            List<SwarmUser> users,
            IntFunction<String> urls,
            IntFunction<AccessToken> tokens,
            int perSecond,
            Clock clock) {
        this.users = users;
        this.urls = urls;
        this.tokens = tokens;
        this.perStep = perSecond == 0 ? Integer.MAX_VALUE : (int) Math.max(1, perSecond * STEP_MS / 1000);
        this.clock = clock;
    }

    void start() {
        step();
    }

    /** No more connects (the swarm is closing). */
    void stop() {
        stopped = true;
    }

    private void step() {
        if (stopped) {
            return;
        }
        int end = (int) Math.min(users.size(), (long) next + perStep);
        for (; next < end; next++) {
            SwarmUser u = users.get(next);
            u.client.connect(urls.apply(next), tokens.apply(next));
        }
        if (next < users.size()) {
            clock.schedule(Duration.ofMillis(STEP_MS), this::step);
        }
    }
}
