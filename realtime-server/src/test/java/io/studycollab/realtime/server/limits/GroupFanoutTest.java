package io.studycollab.realtime.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The group fan-out budget on a manual clock, against rooms that only record what is sent. */
class GroupFanoutTest {

    private record Sent(String groupId, String event, ObjectNode payload, UUID except) {
        String sender() {
            return payload.path("userId").asText();
        }

        double x() {
            return payload.path("x").asDouble();
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<Sent> sent = new ArrayList<>();
    private int roomSize = 11; // each broadcast from a member reaches 10 others

    private final GroupFanout.Rooms rooms = new GroupFanout.Rooms() {
        @Override
        public int recipients(String groupId, UUID except) {
            return except == null ? roomSize : roomSize - 1;
        }

        @Override
        public void send(String groupId, String event, ObjectNode payload, UUID except) {
            sent.add(new Sent(groupId, event, payload, except));
        }
    };

    private final UUID socket = UUID.randomUUID();

    private static ObjectNode cursor(String user, double x) {
        return ProtocolCodec.object().put("userId", user).put("x", x);
    }

    private long cursors() {
        return sent.stream().filter(s -> s.event().equals("cursor")).count();
    }

    @Test
    void withinBudgetEverythingGoesAtOnce() {
        GroupFanout f = new GroupFanout(clock, 1_000, Duration.ofMillis(50), rooms);
        for (int i = 0; i < 20; i++) {
            f.cursor("g", "u" + i, "cursor", cursor("u" + i, i), socket); // 200 messages of a 250 burst
        }
        assertEquals(20, cursors());
        assertEquals(0, clock.pendingTasks(), "nothing held, no flush armed");
    }

    @Test
    void beyondBudgetCursorsAreHeldPerSenderLatestWinsAndSentOnTheNextFlush() {
        GroupFanout f = new GroupFanout(clock, 1_000, Duration.ofMillis(50), rooms);
        for (int i = 0; i < 25; i++) {
            f.cursor("g", "warm" + i, "cursor", cursor("warm" + i, i), socket); // the 250 burst spent
        }
        sent.clear();
        for (int round = 1; round <= 5; round++) {
            f.cursor("g", "ada", "cursor", cursor("ada", round), socket);
            f.cursor("g", "bob", "cursor", cursor("bob", round * 10), socket);
        }
        assertEquals(0, cursors(), "held, not sent");
        ObjectNode counts = f.toJson();
        assertEquals(2, counts.path("cursorsHeld").asLong());
        assertEquals(8, counts.path("cursorsReplaced").asLong());
        clock.advanceMillis(50); // 50 tokens back: enough for both (10 each)
        Map<String, Double> last = sent.stream().collect(Collectors.toMap(Sent::sender, Sent::x));
        assertEquals(Map.of("ada", 5.0, "bob", 50.0), last, "one message per sender, the latest position");
        assertEquals(List.of("ada", "bob"), sent.stream().map(Sent::sender).toList(), "oldest held first");
        assertEquals(0, f.heldNow());
        assertEquals(socket, sent.get(0).except(), "still not sent back to the sender");
    }

    @Test
    void heldCursorsTakeTurnsAtTheBudgetsRateAndAtLeastOneGoesEachFlush() {
        roomSize = 101; // 100 others: each broadcast costs 100
        GroupFanout f = new GroupFanout(clock, 2_000, Duration.ofMillis(50), rooms);
        for (int tick = 0; tick < 120; tick++) { // 6 s of 100 senders at 20/s: 1.2 million messages offered
            for (int u = 0; u < 100; u++) {
                f.cursor("g", "u" + u, "cursor", cursor("u" + u, tick), socket);
            }
            clock.advanceMillis(50);
        }
        long delivered = cursors() * 100;
        assertTrue(delivered <= 2_000 * 6 + 500, "within the budget and its burst: " + delivered);
        assertTrue(cursors() >= 120, "at least one a flush: " + cursors());
        long distinct = sent.stream().map(Sent::sender).distinct().count();
        assertEquals(100, distinct, "every sender had a turn");
    }

    @Test
    void otherEventsAreNeverHeldAndMakeCursorsWait() {
        GroupFanout f = new GroupFanout(clock, 100, Duration.ofMillis(50), rooms); // a 25-message burst
        for (int i = 0; i < 10; i++) {
            f.send("g", "user:tool:changed", ProtocolCodec.object().put("i", i), socket);
        }
        assertEquals(10, sent.size(), "all ten sent at once, 100 messages against a 25 budget");
        f.cursor("g", "ada", "cursor", cursor("ada", 1), socket);
        assertEquals(0, cursors(), "the cursor waits for the debt");
        clock.advanceMillis(50);
        assertEquals(1, cursors(), "one a flush, whatever the debt");
    }

    @Test
    void whileTheLoopsAreBehindCursorsAreHeldAndOneGoesEachFlush() {
        boolean[] behind = {true};
        GroupFanout f = new GroupFanout(clock, 1_000_000, Duration.ofMillis(50), rooms, () -> behind[0]);
        for (int round = 1; round <= 3; round++) {
            for (int u = 0; u < 5; u++) {
                f.cursor("g", "u" + u, "cursor", cursor("u" + u, round), socket);
            }
        }
        assertEquals(0, cursors(), "held although the budget allows them");
        assertEquals(5, f.toJson().path("cursorsHeldLoopsBehind").asLong());
        assertEquals(10, f.toJson().path("cursorsReplaced").asLong(), "latest wins");
        clock.advanceMillis(50);
        assertEquals(1, cursors(), "one a flush while behind");
        assertEquals(3.0, sent.get(0).x(), "the sender's latest position");
        f.send("g", "user:tool:changed", ProtocolCodec.object(), socket);
        assertEquals(
                1,
                sent.stream().filter(x -> x.event().equals("user:tool:changed")).count(),
                "never held");

        behind[0] = false;
        clock.advanceMillis(50);
        assertEquals(5, cursors(), "caught up: the rest as the budget allows");
        assertEquals(0, f.heldNow());
        f.cursor("g", "u0", "cursor", cursor("u0", 4), socket);
        assertEquals(6, cursors(), "sent at once again");
    }

    @Test
    void withoutABudgetNothingIsHeld() {
        GroupFanout f = new GroupFanout(clock, 0, Duration.ofMillis(50), rooms);
        for (int i = 0; i < 1_000; i++) {
            f.cursor("g", "ada", "cursor", cursor("ada", i), socket);
        }
        assertEquals(1_000, cursors());
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void anEmptiedGroupDropsWhatItHeldAndCloseStopsTheFlushes() {
        GroupFanout f = new GroupFanout(clock, 10, Duration.ofMillis(50), rooms);
        f.cursor("g", "ada", "cursor", cursor("ada", 1), socket);
        f.cursor("g", "bob", "cursor", cursor("bob", 1), socket);
        assertEquals(1, f.heldNow());
        f.forget("g");
        assertEquals(0, f.heldNow());
        f.cursor("h", "ada", "cursor", cursor("ada", 1), socket);
        f.cursor("h", "bob", "cursor", cursor("bob", 1), socket);
        f.close();
        assertEquals(0, clock.pendingTasks(), "no flush left armed");
    }
}
