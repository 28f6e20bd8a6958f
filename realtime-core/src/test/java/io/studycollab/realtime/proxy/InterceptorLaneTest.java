package io.studycollab.realtime.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.breakpoint.Breakpoint;
import io.studycollab.realtime.proxy.rules.PacketMatch;
import io.studycollab.realtime.proxy.rules.Rule;
import io.studycollab.realtime.proxy.rules.RuleSet;
import io.studycollab.realtime.proxy.wire.EioPacket;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Lanes, rules and attachments without a network: packets in, what each side would get out. */
class InterceptorLaneTest {

    private final ManualClock clock = new ManualClock();
    private final List<EventRecord> records = new ArrayList<>();
    private final List<String> toServer = new ArrayList<>();
    private final List<String> toClient = new ArrayList<>();
    private final RuleSet rules = new RuleSet();
    private final Interceptor interceptor = new Interceptor(clock, records::add, rules, Duration.ofSeconds(30));
    private final ProxyConnection conn = new ProxyConnection("c1", "websocket", 0);

    InterceptorLaneTest() {
        conn.websocket(capture(toServer), capture(toClient));
        conn.upgraded();
    }

    private static PacketSink capture(List<String> into) {
        return packets -> packets.forEach(p -> into.add(p.isBinary() ? "bin:" + p.binary().length : p.frameText()));
    }

    private void up(String frame) {
        interceptor.onPacket(conn, Flow.UP, EioPacket.parseText(frame), conn.sink(Flow.UP));
    }

    @Test
    void aDelayedPacketHoldsItsLaneInOrderWhilePingsPass() {
        rules.add(Rule.parseDelay("tool:change=500"));
        up("42[\"tool:change\",{\"tool\":\"pen\"}]");
        up("42[\"cursor:update\",{\"x\":1,\"y\":1}]");
        up("3"); // a pong never waits
        assertEquals(List.of("3"), toServer);
        assertEquals(2, conn.lane(Flow.UP).waiting());
        clock.advance(Duration.ofMillis(499));
        assertEquals(List.of("3"), toServer);
        clock.advance(Duration.ofMillis(1));
        assertEquals(
                List.of("3", "42[\"tool:change\",{\"tool\":\"pen\"}]", "42[\"cursor:update\",{\"x\":1,\"y\":1}]"),
                toServer);
        assertTrue(records.stream()
                .anyMatch(r -> r.name().equals(PacketRecords.RULE)
                        && r.payload().path("delayMs").asInt() == 500));
    }

    @Test
    void aDroppedPacketIsRecordedTwiceAsItselfAndAsTheRuleThatFired() {
        rules.add(Rule.parseDrop("cursor:*,dir=up"));
        up("42[\"cursor:update\",{\"x\":1,\"y\":1}]");
        up("42[\"tool:change\",{\"tool\":\"pen\"}]");
        assertEquals(List.of("42[\"tool:change\",{\"tool\":\"pen\"}]"), toServer);
        assertEquals(
                List.of("cursor:update", PacketRecords.RULE, "tool:change"),
                records.stream().map(EventRecord::name).toList());
        assertEquals("c1", records.get(1).packet().connection());
    }

    @Test
    void binaryAttachmentsTravelWithTheirPacketAndAreShownAsBinary() {
        rules.add(Rule.parseDelay("file=100"));
        up("451-[\"file\",{\"_placeholder\":true,\"num\":0}]");
        assertEquals(List.of(), toServer);
        interceptor.onPacket(conn, Flow.UP, EioPacket.binaryMessage(new byte[] {1, 2, 3}), conn.sink(Flow.UP));
        assertEquals(List.of(), toServer); // held with its packet
        clock.advance(Duration.ofMillis(100));
        assertEquals(List.of("451-[\"file\",{\"_placeholder\":true,\"num\":0}]", "bin:3"), toServer);
        EventRecord r = records.get(0);
        assertEquals("file", r.name());
        assertEquals(3, r.payload().path("_binary").asInt());
        assertEquals("010203", r.payload().path("hex").asText());
    }

    @Test
    void theHandshakeTokenNamesTheUserAndIsMaskedEverywhere() {
        String token = TestTokens.token("u42", "Ada", 3600).reveal();
        up("40{\"token\":\"" + token + "\"}");
        interceptor.onPacket(
                conn, Flow.DOWN, EioPacket.parseText("42[\"echo\",\"you sent " + token + "\"]"), conn.sink(Flow.DOWN));
        assertEquals("u42", conn.userId());
        assertEquals("[REDACTED]", records.get(0).payload().path("token").asText());
        assertTrue(records.stream()
                .noneMatch(r -> r.payload() != null && r.payload().toString().contains(token)));
        assertTrue(toServer.get(0).contains(token)); // the server still gets it, of course
    }

    @Test
    void garbageIsForwardedAndRecordedAsMalformedNeverThrown() {
        up("4not socket.io");
        up("42[1,2]");
        assertEquals(List.of("4not socket.io", "42[1,2]"), toServer);
        assertTrue(records.stream().allMatch(EventRecord::malformed));
    }

    @Test
    void aPacketGoesOnUnseenOnlyWhenNothingCouldStopChangeOrTakeIt() {
        assertTrue(interceptor.relaysUnseen(conn, Flow.UP));
        Rule delay = Rule.parseDelay("tool:change=500");
        rules.add(delay);
        assertFalse(interceptor.relaysUnseen(conn, Flow.UP));
        up("42[\"tool:change\",{\"tool\":\"pen\"}]"); // held in the lane
        rules.remove(delay);
        assertFalse(interceptor.relaysUnseen(conn, Flow.UP)); // the lane still holds one
        clock.advance(Duration.ofMillis(500));
        assertTrue(interceptor.relaysUnseen(conn, Flow.UP));
        Breakpoint b = interceptor.breakpoints().add(PacketMatch.name("cursor:*"));
        assertFalse(interceptor.relaysUnseen(conn, Flow.DOWN));
        interceptor.breakpoints().remove(b);
        interceptor.injector().inject(conn, Flow.DOWN, "/", "ping", List.of(), true);
        assertFalse(interceptor.relaysUnseen(conn, Flow.UP)); // its ack must be taken out on the way up
        up("4" + "31000000000[]"); // the ack to the injection
        assertTrue(interceptor.relaysUnseen(conn, Flow.UP));
        up("451-[\"file\",{\"_placeholder\":true,\"num\":0}]");
        assertFalse(interceptor.relaysUnseen(conn, Flow.UP)); // its attachment is still to come
    }

    @Test
    void aPacketRelayedUnseenIsRecordedLaterInOrderWithTheTimeItArrived() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<EventRecord> made = Collections.synchronizedList(new ArrayList<>());
        Interceptor relay = new Interceptor(
                clock,
                r -> {
                    try {
                        release.await(10, TimeUnit.SECONDS); // the records thread falls behind the relay
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    made.add(r);
                },
                rules,
                Duration.ofSeconds(30));
        relay.recordQueue().start("proxy-records-test");
        try {
            clock.advance(Duration.ofMillis(10));
            long arrived = clock.wallMillis();
            relay.relayed(conn, Flow.UP, "42[\"cursor:update\",{\"x\":1,\"y\":2}]");
            relay.relayed(conn, Flow.DOWN, "4not socket.io");
            assertEquals(2, conn.count(Flow.UP) + conn.count(Flow.DOWN)); // counted as they passed
            clock.advance(Duration.ofSeconds(3));
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> made.size() == 2);
            assertEquals("cursor:update", made.get(0).name());
            assertEquals(2, made.get(0).payload().path("y").asInt());
            assertEquals(arrived, made.get(0).wallMillis()); // not the time it was decoded
            assertEquals("c1", made.get(0).packet().connection());
            assertTrue(made.get(1).malformed());
        } finally {
            relay.recordQueue().close();
        }
    }
}
