package io.studycollab.realtime.admin.crosscheck;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.admin.AdminClient;
import io.studycollab.realtime.admin.AdminOptions;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Each divergence made on purpose against a real server (Node with @socket.io/admin-ui, or ours):
 * a socket put into the room by an admin action without joining the group, a member taken out of
 * the room behind the presence's back (ghost), a user with two sockets, a member whose user:joined
 * the observing client lost (missing), and a stale lastSeen on a clock two minutes on.
 */
public final class CrossCheckScenario implements AutoCloseable {

    private final String url;
    private final SystemClock clock;
    private final List<AutoCloseable> owned = new ArrayList<>();

    public CrossCheckScenario(String url, SystemClock clock) {
        this.url = url;
        this.clock = clock;
    }

    private RealtimeClient client(String sub, EventHub hub) {
        RealtimeClient c = new RealtimeClient(hub, clock, ClientOptions.defaults());
        owned.add(c);
        c.connect(url, TestTokens.token(sub, sub.toUpperCase(), 3600));
        await(sub + " connected").atMost(Duration.ofSeconds(15)).until(() -> c.state() == ConnectionState.CONNECTED);
        return c;
    }

    private RealtimeClient client(String sub) {
        EventHub hub = new EventHub("hub-" + sub);
        owned.add(hub);
        return client(sub, hub);
    }

    private static String join(RealtimeClient c, String group) throws Exception {
        assertTrue(c.joinGroup(group).get(10, TimeUnit.SECONDS).ok());
        return c.snapshot().socketId();
    }

    public void everyDivergenceIsFoundWithItsStart(AdminOptions adminOptions) throws Exception {
        // the observer: her presence fold "loses" every event about erin
        EventHub adaHub = new EventHub("hub-ada");
        owned.add(adaHub);
        PresenceTracker adaView = new PresenceTracker();
        adaHub.subscribe(batch -> adaView.onEvents(
                batch.stream().filter(r -> !"erin".equals(r.userId())).toList()));
        RealtimeClient ada = client("ada", adaHub);
        join(ada, "g1");
        String bobId = join(client("bob"), "g1");

        AdminClient admin = new AdminClient(adminOptions, clock);
        owned.add(admin);
        admin.connect(url).get(20, TimeUnit.SECONDS);
        // a grace for user:joined to arrive, so members joining as we look are not reported missing
        CrossCheck check = new CrossCheck("/", 1_500, CrossCheck.DEFAULT_STALE_MILLIS);
        List<EventRecord> records = new ArrayList<>();

        await("ada sees bob and the server agrees")
                .atMost(Duration.ofSeconds(15))
                .until(() -> {
                    CrossCheck.Result r = check.check(admin.snapshot(), adaView.snapshot(), clock.wallMillis());
                    records.addAll(CrossCheckRecords.of(r, clock.wallMillis(), clock.monoNanos()));
                    return adaView.snapshot().member("bob") != null
                            && r.current().isEmpty();
                });

        // a socket in the room that never joined the group
        String carolId = client("carol").snapshot().socketId();
        assertTrue(admin.prepareJoin("/", carolId, "g1").confirm());
        Divergence carol =
                awaitDivergence(check, admin, adaView, records, Divergence.Kind.SOCKET_WITHOUT_PRESENCE, "carol");
        assertEquals(List.of(carolId), carol.socketIds());

        // a ghost: bob's socket taken out of the room, nobody told the clients
        long beforeGhost = clock.wallMillis();
        assertTrue(admin.prepareLeave("/", bobId, "g1").confirm());
        Divergence ghost = awaitDivergence(check, admin, adaView, records, Divergence.Kind.GHOST, "bob");
        assertTrue(ghost.sinceMillis() >= beforeGhost, "started after the leave");

        // one user, two sockets
        join(client("dave"), "g1");
        join(client("dave"), "g1");
        Divergence dave = awaitDivergence(check, admin, adaView, records, Divergence.Kind.MULTIPLE_SOCKETS, "dave");
        assertEquals(2, dave.socketIds().size());

        // a member the client never heard of
        join(client("erin"), "g1");
        awaitDivergence(check, admin, adaView, records, Divergence.Kind.MISSING_MEMBER, "erin");

        // still there on the next check, with the same start
        CrossCheck.Result again = check.check(admin.snapshot(), adaView.snapshot(), clock.wallMillis());
        assertTrue(again.opened().isEmpty(), again.opened().toString());
        assertTrue(again.current().stream()
                .anyMatch(d -> d.kind() == Divergence.Kind.GHOST && d.sinceMillis() == ghost.sinceMillis()));

        // stale lastSeen: the same truth, two minutes later on the clock
        CrossCheck later = new CrossCheck("/", 0, CrossCheck.DEFAULT_STALE_MILLIS);
        CrossCheck.Result stale = later.check(
                admin.snapshot(), adaView.snapshot(), clock.wallMillis() + CrossCheck.DEFAULT_STALE_MILLIS + 1_000);
        assertTrue(
                stale.current().stream()
                        .anyMatch(d -> d.kind() == Divergence.Kind.STALE_LAST_SEEN && "dave".equals(d.userId())),
                stale.current().toString());

        // the ghost is resolved when bob's socket is back in the room
        assertTrue(admin.prepareJoin("/", bobId, "g1").confirm());
        await("ghost resolved").atMost(Duration.ofSeconds(15)).until(() -> {
            CrossCheck.Result r = check.check(admin.snapshot(), adaView.snapshot(), clock.wallMillis());
            records.addAll(CrossCheckRecords.of(r, clock.wallMillis(), clock.monoNanos()));
            return r.current().stream().noneMatch(d -> d.kind() == Divergence.Kind.GHOST);
        });

        // every opening and the resolution, as records with their start
        Set<String> opened = new HashSet<>();
        for (EventRecord r : records) {
            if (r.name().equals(CrossCheckRecords.OPENED)) {
                opened.add(r.payload().get("kind").asText() + ":" + r.userId());
                assertEquals(r.wallMillis(), r.payload().get("sinceMillis").asLong());
            }
        }
        assertEquals(
                Set.of("SOCKET_WITHOUT_PRESENCE:carol", "GHOST:bob", "MULTIPLE_SOCKETS:dave", "MISSING_MEMBER:erin"),
                opened);
        assertTrue(records.stream()
                .anyMatch(r -> r.name().equals(CrossCheckRecords.RESOLVED)
                        && r.payload().get("kind").asText().equals("GHOST")
                        && r.payload().get("sinceMillis").asLong() == ghost.sinceMillis()));
    }

    private Divergence awaitDivergence(
            CrossCheck check,
            AdminClient admin,
            PresenceTracker view,
            List<EventRecord> records,
            Divergence.Kind kind,
            String user) {
        Predicate<Divergence> wanted = d -> d.kind() == kind && user.equals(d.userId());
        Divergence[] found = new Divergence[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            CrossCheck.Result r = check.check(admin.snapshot(), view.snapshot(), clock.wallMillis());
            records.addAll(CrossCheckRecords.of(r, clock.wallMillis(), clock.monoNanos()));
            found[0] = r.current().stream().filter(wanted).findFirst().orElse(null);
            assertNotNull(found[0], () -> kind + " for " + user + " (now " + r.current() + ")");
        });
        return found[0];
    }

    @Override
    public void close() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        owned.clear();
    }
}
