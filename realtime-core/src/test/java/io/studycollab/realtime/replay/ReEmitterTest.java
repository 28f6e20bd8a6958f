package io.studycollab.realtime.replay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.ManualClock;
import io.studycollab.realtime.time.SystemClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReEmitterTest {

    private static EventRecord out(long t, String name, ObjectNode payload) {
        return new EventRecord(t, 1_000_000 + t, 0, Direction.OUT, name, null, null, "me", payload, 10, null);
    }

    private static List<EventRecord> cursorPath(int n) {
        List<EventRecord> rs = new ArrayList<>();
        rs.add(out(0, "group:join", ProtocolCodec.object().put("groupId", "recorded-group")));
        rs.add(new EventRecord(
                1, 1_000_001, 0, Direction.IN, "user:joined", null, null, null, ProtocolCodec.object(), 2, null));
        for (int i = 0; i < n; i++) {
            rs.add(out(
                    100 + i * 50L,
                    "cursor:update",
                    ProtocolCodec.object().put("x", i * 10).put("y", i)));
        }
        return rs;
    }

    @Test
    void keepsTheRecordedPaceScaledBySpeedWithoutSleeping() {
        ManualClock clock = new ManualClock();
        List<EventRecord> steps = ReEmitter.replayable(cursorPath(5));
        assertEquals(6, steps.size(), "inbound events are not replayed");
        try (EventHub hub = new EventHub();
                RealtimeClient offline = new RealtimeClient(hub, clock, ClientOptions.defaults())) {
            ReEmitter r = new ReEmitter(offline, clock, steps, 2.0, null);
            CompletableFuture<Integer> done = r.start();
            clock.advanceMillis(0);
            assertEquals(1, r.sent(), "the join goes at once");
            clock.advanceMillis(49);
            assertEquals(1, r.sent());
            clock.advanceMillis(1);
            assertEquals(2, r.sent(), "100 ms recorded = 50 ms at 2x");
            clock.advanceMillis(25 * 4);
            assertEquals(6, r.sent());
            assertEquals(6, done.getNow(-1), "done once the last one went");
        }
        assertThrows(IllegalArgumentException.class, () -> new ReEmitter(null, clock, List.of(), 0, null));
    }

    @Test
    void aSecondClientReceivesTheReplayedCursorPathInOrder() throws Exception {
        try (NodeProcess server = NodeProcess.start("server.js", "--jwt-secret", TestTokens.SECRET);
                SystemClock clock = new SystemClock("replay-test");
                EventHub hub = new EventHub();
                RealtimeClient replayer = new RealtimeClient(hub, clock, ClientOptions.defaults());
                RealtimeClient watcher = new RealtimeClient(hub, clock, ClientOptions.defaults())) {
            List<Double> xs = new CopyOnWriteArrayList<>();
            watcher.on(
                    "user:cursor:updated",
                    r -> xs.add(r.payload().get("cursor").get("x").asDouble()));
            watcher.connect(server.url(), TestTokens.token("watcher", "Watcher", 600));
            replayer.connect(server.url(), TestTokens.token("replayer", "Replayer", 600));
            await("both connected")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> watcher.state() == ConnectionState.CONNECTED
                            && replayer.state() == ConnectionState.CONNECTED);
            watcher.joinGroup("live-group").get(5, TimeUnit.SECONDS);
            ReEmitter r = new ReEmitter(replayer, clock, ReEmitter.replayable(cursorPath(20)), 4.0, "live-group");
            assertEquals(21, r.start().get(10, TimeUnit.SECONDS));
            await("20 cursors").atMost(Duration.ofSeconds(10)).until(() -> xs.size() == 20);
            List<Double> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add(i * 10.0);
            }
            assertEquals(expected, xs);
        }
    }
}
