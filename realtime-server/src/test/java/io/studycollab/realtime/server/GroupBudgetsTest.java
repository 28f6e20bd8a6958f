package io.studycollab.realtime.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.server.wire.SioPeer;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The budgets beyond one socket (#13 point 6), on a real server with real socket.io clients. The
 * server's clock is manual: no budget refills and no held cursor is flushed unless the test says so.
 */
class GroupBudgetsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ManualClock clock = new ManualClock(System.currentTimeMillis());
    private final OkHttpClient http = new OkHttpClient.Builder()
            .dispatcher(dispatcher())
            .readTimeout(Duration.ofMinutes(1))
            .build();
    private final List<SioPeer> peers = new ArrayList<>();
    private StudyCollabServer server;

    private static Dispatcher dispatcher() {
        Dispatcher d = new Dispatcher();
        d.setMaxRequestsPerHost(256);
        return d;
    }

    @AfterEach
    void stop() {
        peers.forEach(SioPeer::close);
        if (server != null) {
            server.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private void start(ConnectionLimits limits) throws Exception {
        server = StudyCollabServer.start(
                ServerConfig.defaults(TestTokens.SECRET, "budget-key").withLimits(limits), clock);
    }

    private SioPeer peer(String user) {
        SioPeer p = new SioPeer(server.url(), TestTokens.token(user, user, 600).reveal(), http);
        peers.add(p);
        return p;
    }

    private SioPeer member(String user, String group) throws Exception {
        SioPeer p = peer(user);
        p.connected().get(10, TimeUnit.SECONDS);
        JSONObject ack = p.emitWithAck("group:join", new JSONObject().put("groupId", group))
                .get(10, TimeUnit.SECONDS);
        assertTrue(ack.getBoolean("ok"), ack.toString());
        return p;
    }

    @Test
    void aMemberOfAFloodedGroupGetsEveryOtherEventAndTheFloodersCursorsCoalesced() throws Exception {
        start(ConnectionLimits.defaults().withGroupFanout(2_000, Duration.ofMillis(50)));
        SioPeer me = member("member", "g");
        int flooders = 20;
        List<SioPeer> flood = new ArrayList<>();
        for (int i = 0; i < flooders; i++) {
            flood.add(member("flood-" + i, "g"));
        }
        for (int i = 0; i < flooders; i++) {
            SioPeer f = flood.get(i);
            for (int k = 0; k < 30; k++) { // each at its per-socket cursor burst
                f.emit("cursor:update", new JSONObject().put("x", k).put("y", i));
            }
            for (int k = 0; k < 5; k++) {
                f.emit("tool:change", new JSONObject().put("tool", "tool-" + k));
                f.emit("event:emit", new JSONObject().put("event", "flood:note").put("data", k));
            }
        }
        // Nothing refills the budget (the clock stands still), yet every other event arrives.
        await("every tool change and note")
                .atMost(WAIT)
                .until(() -> me.received("user:tool:changed").size() == flooders * 5
                        && me.received("flood:note").size() == flooders * 5);
        for (int i = 0; i < flooders; i++) {
            String user = "flood-" + i;
            assertEquals(
                    List.of("tool-0", "tool-1", "tool-2", "tool-3", "tool-4"),
                    me.received("user:tool:changed").stream()
                            .filter(e -> e.getString("userId").equals(user))
                            .map(e -> e.getString("tool"))
                            .toList(),
                    "in the order sent");
        }
        // Held cursors go out as the budget refills: each flooder's last position arrives.
        Map<String, Integer> expected =
                IntStream.range(0, flooders).boxed().collect(Collectors.toMap(i -> "flood-" + i, i -> 29));
        await("every flooder's last position")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    clock.advanceMillis(50);
                    return lastPositions(me).equals(expected);
                });
        int cursorsReceived = me.received("user:cursor:updated").size();
        assertTrue(cursorsReceived < flooders * 30, "coalesced: " + cursorsReceived + " of " + flooders * 30);
        JSONObject fanout = health().getJSONObject("fanout");
        assertEquals(
                flooders * 30L,
                fanout.getLong("cursorsSentAtOnce") + fanout.getLong("cursorsHeld") + fanout.getLong("cursorsReplaced"),
                "every cursor update accounted for: " + fanout);
        assertTrue(fanout.getLong("cursorsReplaced") > 0, fanout.toString());
        assertEquals(0, fanout.getLong("cursorsHeldNow"));
    }

    private static Map<String, Integer> lastPositions(SioPeer me) {
        Map<String, Integer> last = new HashMap<>();
        for (JSONObject e : me.received("user:cursor:updated")) {
            last.put(e.getString("userId"), e.getJSONObject("cursor").getInt("x"));
        }
        return last;
    }

    private JSONObject health() {
        return new JSONObject(server.health().toString());
    }

    @Test
    void theSixthSocketOfAUserIsRefusedWithACodeAndAFreedSlotIsUsable() throws Exception {
        start(ConnectionLimits.defaults());
        for (int i = 0; i < 5; i++) {
            peer("many").connected().get(10, TimeUnit.SECONDS);
        }
        SioPeer sixth = peer("many");
        CompletionException refused =
                assertThrows(CompletionException.class, () -> sixth.connected().join());
        assertEquals(ErrorCodes.TOO_MANY_CONNECTIONS, ((SioPeer.ConnectRefused) refused.getCause()).code());
        peer("someone-else").connected().get(10, TimeUnit.SECONDS);
        peers.get(0).close();
        await().atMost(WAIT).until(() -> server.connections() == 5);
        peer("many").connected().get(10, TimeUnit.SECONDS);
        assertEquals(
                1,
                health().getJSONObject("handshakes").getJSONObject("refused").getInt(ErrorCodes.TOO_MANY_CONNECTIONS));
    }

    @Test
    void allSocketsOfAUserDrawFromOneEventBudget() throws Exception {
        start(ConnectionLimits.defaults().withUserEvents(10, 20));
        List<SioPeer> mine = List.of(peer("busy"), peer("busy"));
        for (SioPeer p : mine) {
            p.connected().get(10, TimeUnit.SECONDS);
        }
        List<JSONObject> replies = new ArrayList<>();
        for (int k = 0; k < 15; k++) { // 30 events, each socket within its own 20/s burst 40
            for (SioPeer p : mine) {
                replies.add(p.emitWithAck("heartbeat", new JSONObject().put("ts", k))
                        .get(10, TimeUnit.SECONDS));
            }
        }
        long ok = replies.stream().filter(r -> r.getBoolean("ok")).count();
        assertEquals(20, ok, "the user's burst, shared by both sockets");
        JSONObject refused =
                replies.stream().filter(r -> !r.getBoolean("ok")).findFirst().orElseThrow();
        assertEquals(ErrorCodes.RATE_LIMITED, refused.getJSONObject("error").getString("code"));
        assertEquals(10, health().getJSONObject("rateLimited").getInt("userBudget"));
        clock.advanceMillis(1_000);
        assertTrue(
                mine.get(0)
                        .emitWithAck("heartbeat", new JSONObject().put("ts", 99))
                        .get(10, TimeUnit.SECONDS)
                        .getBoolean("ok"),
                "refilled on the server's clock");
    }
}
