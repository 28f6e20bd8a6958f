package io.studycollab.realtime.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.client.StateChange;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.supabase.GoTrueClient;
import io.studycollab.realtime.supabase.RefreshingSession;
import io.studycollab.realtime.supabase.SupabaseAuthStandIn;
import io.studycollab.realtime.supabase.SupabaseClaims;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A Supabase session whose access token lasts 9 s, on the reference server (official socket.io)
 * verifying through the stand-in Auth's JWKS. The session refreshes itself and the live connection
 * moves to each new token while another member streams numbered events at us and we stream ours
 * at them: past the first token's expiry, every event arrives exactly once and in order, our
 * connection never leaves CONNECTED, and the other member never sees us leave.
 */
class LiveTokenSwapTest {

    static final int TOKEN_SECONDS = 9;

    @Test
    void refreshDuringALiveSessionLosesNoEventAndShowsNoDrop() throws Exception {
        try (SupabaseAuthStandIn auth = SupabaseAuthStandIn.start(TOKEN_SECONDS);
                NodeProcess server = NodeProcess.start(
                        "server.js", "--jwt-secret", TestTokens.SECRET, "--supabase-url", auth.url());
                GoTrueClient gotrue = new GoTrueClient(auth.project());
                SystemClock clock = new SystemClock("swap-test-clock");
                EventHub myHub = new EventHub();
                EventHub bobHub = new EventHub();
                RefreshingSession session = RefreshingSession.signIn(
                                gotrue, clock, SupabaseAuthStandIn.EMAIL, SupabaseAuthStandIn.PASSWORD)
                        .get(15, TimeUnit.SECONDS);
                RealtimeClient me = new RealtimeClient(myHub, clock, ClientOptions.defaults());
                RealtimeClient bob = new RealtimeClient(bobHub, clock, ClientOptions.defaults())) {
            Recorder mine = new Recorder();
            Recorder bobs = new Recorder();
            myHub.subscribe(mine);
            bobHub.subscribe(bobs);
            List<StateChange> myStates = new CopyOnWriteArrayList<>();
            me.onStateChange(myStates::add);
            List<Throwable> swapFailures = new CopyOnWriteArrayList<>();
            me.setTokenSupplier(session.tokenSupplier());
            session.onRefresh(s -> me.reauthenticate(s.accessToken()).exceptionally(e -> {
                swapFailures.add(e);
                return null;
            }));
            Instant firstExpiry = SupabaseClaims.decode(session.accessToken()).expiresAt();

            bob.connect(server.url(), TestTokens.token("bob", "Bob", 600));
            me.connect(server.url(), session.accessToken());
            await("both connected")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> me.state() == ConnectionState.CONNECTED && bob.state() == ConnectionState.CONNECTED);
            assertTrue(bob.joinGroup("swap").get(5, TimeUnit.SECONDS).ok());
            assertTrue(me.joinGroup("swap").get(5, TimeUnit.SECONDS).ok());
            myStates.clear();

            AtomicInteger bobSent = new AtomicInteger();
            AtomicInteger iSent = new AtomicInteger();
            ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
            try {
                // 15/s from Bob and 10/s from us: under the server's 20/s limit per socket.
                pace.scheduleAtFixedRate(
                        () -> bob.emit("seq:bob", ProtocolCodec.object().put("n", bobSent.getAndIncrement()), false),
                        0,
                        66,
                        TimeUnit.MILLISECONDS);
                pace.scheduleAtFixedRate(
                        () -> me.emit("seq:me", ProtocolCodec.object().put("n", iSent.getAndIncrement()), false),
                        0,
                        100,
                        TimeUnit.MILLISECONDS);
                await("past the first token's expiry with a swap done")
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> Instant.now().isAfter(firstExpiry.plusSeconds(1))
                                && !mine.local(EventNames.CLIENT_TOKEN_SWAPPED).isEmpty());
            } finally {
                pace.shutdownNow();
                pace.awaitTermination(5, TimeUnit.SECONDS);
            }
            int bobTotal = bobSent.get();
            int myTotal = iSent.get();
            await("Bob's events all in")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> mine.in("seq:bob").size() >= bobTotal);
            await("ours all at Bob")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> bobs.in("seq:me").size() >= myTotal);

            assertTrue(session.refreshCount() >= 1, "the session refreshed");
            assertTrue(swapFailures.isEmpty(), swapFailures.toString());
            EventRecord swapped = mine.local(EventNames.CLIENT_TOKEN_SWAPPED).get(0);
            assertTrue(
                    swapped.payload().path("ok").asBoolean(), swapped.payload().toString());
            assertEquals(List.of(), myStates, "our connection never left CONNECTED");
            assertEquals(sequence(bobTotal), numbers(mine.in("seq:bob")), "each of Bob's events once, in order");
            assertEquals(sequence(myTotal), numbers(bobs.in("seq:me")), "each of ours once, in order");
            assertTrue(bobs.in(EventNames.USER_LEFT).isEmpty(), "Bob never saw us leave");
            assertEquals(ConnectionState.CONNECTED, me.state());
            assertTrue(mine.in(EventNames.CONNECTION_ERROR).isEmpty(), "no AUTH_EXPIRED on the old connection");
        }
    }

    private static List<Integer> sequence(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static List<Integer> numbers(List<EventRecord> records) {
        return records.stream()
                .map(r -> r.payload().path("data").path("n").asInt())
                .toList();
    }
}
