package io.studycollab.realtime.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The same admin-protocol checks run against any server: the Node reference server instrumented
 * with {@code @socket.io/admin-ui} (core tests) and our netty-socketio server (server tests).
 */
public final class AdminScenarios implements AutoCloseable {

    private final String url;
    private final SystemClock clock;
    private final List<AutoCloseable> owned = new ArrayList<>();

    public AdminScenarios(String url, SystemClock clock) {
        this.url = url;
        this.clock = clock;
    }

    /** A connected StudyCollab client of {@code sub}, owned by this scenario. */
    public RealtimeClient user(String sub, String name, AccessToken token) {
        EventHub hub = new EventHub("hub-" + sub);
        RealtimeClient c = new RealtimeClient(hub, clock, ClientOptions.defaults());
        owned.add(hub);
        owned.add(c);
        c.connect(url, token);
        await(sub + " connected").atMost(Duration.ofSeconds(15)).until(() -> c.state() == ConnectionState.CONNECTED);
        return c;
    }

    public RealtimeClient user(String sub, String name) {
        return user(sub, name, TestTokens.token(sub, name, 3600));
    }

    public AdminClient admin(AdminOptions options) throws Exception {
        AdminClient a = new AdminClient(options, clock);
        owned.add(a);
        a.connect(url).get(20, TimeUnit.SECONDS);
        return a;
    }

    public static String join(RealtimeClient c, String group) throws Exception {
        assertTrue(c.joinGroup(group).get(10, TimeUnit.SECONDS).ok());
        return c.snapshot().socketId();
    }

    /** Sockets of a room, as user ids, sorted. */
    public static List<String> roomUsers(AdminClient a, String room) {
        return a.snapshot().members("/", room).stream()
                .map(s -> String.valueOf(s.userId()))
                .sorted()
                .toList();
    }

    /** Wrong credentials are refused with the admin package's own message. */
    public void refusesWrongPassword(AdminOptions good) {
        AdminClient bad =
                new AdminClient(good.withCredentials(good.username(), AdminPassword.of("not-the-password")), clock);
        owned.add(bad);
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> bad.connect(url).get(20, TimeUnit.SECONDS));
        assertTrue(
                String.valueOf(e.getCause().getMessage()).contains("invalid credentials"),
                e.getCause().toString());
    }

    /**
     * Sockets, users, rooms, stats, the event stream and every action, with their confirm step;
     * {@code options} must allow actions. {@code reportsSentEvents}: whether the server streams
     * {@code event_sent} (the official package does; netty-socketio has no hook for outgoing events).
     */
    public void modelFollowsTheServer(AdminOptions options, boolean reportsSentEvents) throws Exception {
        AccessToken adaToken = TestTokens.token("ada", "Ada", 3600);
        RealtimeClient ada = user("ada", "Ada", adaToken);
        RealtimeClient bob1 = user("bob", "Bob");
        RealtimeClient bob2 = user("bob", "Bob");
        String adaId = join(ada, "g1");
        String bob1Id = join(bob1, "g1");
        String bob2Id = join(bob2, "g1");

        AdminClient admin = admin(options);
        List<AdminChange> changes = new CopyOnWriteArrayList<>();
        admin.onChanges(changes::addAll);
        EventHub hub = new EventHub("admin-records");
        owned.add(hub);
        List<EventRecord> records = Collections.synchronizedList(new ArrayList<>());
        hub.subscribe(records::addAll);
        admin.publishTo(hub);

        await("three sockets in g1")
                .atMost(Duration.ofSeconds(15))
                .until(() -> roomUsers(admin, "g1").equals(List.of("ada", "bob", "bob")));
        AdminSnapshot snap = admin.snapshot();
        AdminSocket adaSocket = snap.socket("/", adaId);
        assertNotNull(adaSocket, "ada's socket " + adaId + " in " + snap.sockets());
        assertEquals("ada", adaSocket.userId());
        assertEquals("Ada", adaSocket.displayName());
        assertEquals("g1", adaSocket.groupId());
        assertEquals(Set.of(adaId, "g1"), adaSocket.rooms());
        assertNotNull(adaSocket.transport());
        assertNotNull(adaSocket.address());
        assertTrue(snap.room("/", adaId).privateRoom());
        assertFalse(snap.room("/", "g1").privateRoom());
        assertFalse(snap.servers().isEmpty(), "server_stats arrived");
        assertTrue(snap.servers().get(0).clientsCount() >= 3, snap.servers().toString());
        String json = ProtocolCodec.write(snap.toJson());
        assertFalse(json.contains(adaToken.reveal()), "no token in the snapshot");
        assertFalse(json.contains(options.password().reveal()), "no admin password in the snapshot");

        // the event stream (development mode): what ada sends, what she receives
        ada.emit("note:added", ProtocolCodec.object().put("text", "hi"), false);
        await("event_received from ada")
                .atMost(Duration.ofSeconds(15))
                .until(() -> changes.stream()
                        .anyMatch(c -> c.type().equals("event_received")
                                && adaId.equals(c.socketId())
                                && "ada".equals(c.userId())));
        if (reportsSentEvents) {
            await("event_sent to bob")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> changes.stream()
                            .anyMatch(c -> c.type().equals("event_sent") && bob1Id.equals(c.socketId())));
        }

        // read-only by default: nothing can even be prepared
        AdminClient readOnly = admin(options.withActionsAllowed(false));
        assertThrows(IllegalStateException.class, () -> readOnly.prepareDisconnect("/", bob2Id, false));

        // leave and join, each confirmed once
        PendingAction leave = admin.prepareLeave("/", bob1Id, "g1");
        assertTrue(leave.description().contains("Bob"), leave.description());
        assertTrue(leave.description().contains("leave room g1"), leave.description());
        assertTrue(leave.confirm());
        assertFalse(leave.confirm(), "a second confirm sends nothing");
        await("bob1 left g1")
                .atMost(Duration.ofSeconds(15))
                .until(() -> roomUsers(admin, "g1").equals(List.of("ada", "bob")));
        assertTrue(admin.snapshot().socket("/", bob1Id).rooms().contains(bob1Id), "still connected");
        assertTrue(admin.prepareJoin("/", bob1Id, "g1").confirm());
        await("bob1 back in g1")
                .atMost(Duration.ofSeconds(15))
                .until(() -> roomUsers(admin, "g1").equals(List.of("ada", "bob", "bob")));

        // disconnect: the socket is gone from the server and the client knows it
        assertTrue(admin.prepareDisconnect("/", bob2Id, false).confirm());
        await("bob2 gone")
                .atMost(Duration.ofSeconds(15))
                .until(() -> admin.snapshot().socket("/", bob2Id) == null);
        await("bob2's client disconnected")
                .atMost(Duration.ofSeconds(15))
                .until(() -> bob2.state() != ConnectionState.CONNECTED);
        assertEquals(List.of("ada", "bob"), roomUsers(admin, "g1"));
        assertTrue(
                changes.stream().anyMatch(c -> c.type().equals("socket_disconnected") && bob2Id.equals(c.socketId())));

        // and all of it as server-side records in the shared stream (the records reach the hub on its
        // own thread, after the model has told its listeners)
        Set<String> expected =
                Set.of("admin:room_left", "admin:room_joined", "admin:socket_disconnected", "admin:event_received");
        await("the admin records in the shared stream")
                .atMost(Duration.ofSeconds(15))
                .until(() -> adminRecordNames(records).containsAll(expected));
    }

    /**
     * Three users in two groups; the official Admin UI in Chromium and our admin client must list
     * the same sockets and rooms (with member counts).
     */
    public void officialUiShowsWhatWeShow(AdminOptions options, Path screenshot) throws Exception {
        join(user("ada", "Ada"), "g1");
        join(user("bob", "Bob"), "g1");
        join(user("carol", "Carol"), "g2");
        AdminClient admin = admin(options);
        await("three sockets")
                .atMost(Duration.ofSeconds(15))
                .until(() -> admin.snapshot().sockets().stream()
                                .filter(s -> s.namespace().equals("/"))
                                .count()
                        == 3);
        OfficialAdminUi.Pages ui = OfficialAdminUi.open(
                url,
                options.username(),
                options.password() == null ? null : options.password().reveal(),
                3,
                screenshot);
        OfficialAdminUi.assertSameAs(admin.snapshot(), ui);
    }

    @Override
    public void close() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        owned.clear();
    }

    private static Set<String> adminRecordNames(List<EventRecord> records) {
        synchronized (records) {
            return records.stream()
                    .filter(AdminRecords::isAdminRecord)
                    .map(EventRecord::name)
                    .collect(Collectors.toSet());
        }
    }
}
