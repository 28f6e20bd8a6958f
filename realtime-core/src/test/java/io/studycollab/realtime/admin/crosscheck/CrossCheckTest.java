package io.studycollab.realtime.admin.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.admin.AdminRoom;
import io.studycollab.realtime.admin.AdminSnapshot;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Start times, the grace period and resolution, on times given by the test. */
class CrossCheckTest {

    private static AdminSocket socket(String id, String user, String group, String... rooms) {
        var data = ProtocolCodec.object();
        data.putObject("user").put("userId", user);
        if (group != null) {
            data.put("groupId", group);
        }
        return new AdminSocket(
                id, id, "/", "websocket", "127.0.0.1", null, null, data, user, user, group, Set.of(rooms), 0);
    }

    private static AdminSnapshot server(List<AdminSocket> sockets, Set<String> g1) {
        return new AdminSnapshot(List.of(), sockets, List.of(new AdminRoom("/", "g1", g1, false)), Set.of(), true, 0);
    }

    private static PresenceSnapshot client(String... users) {
        List<Member> members = Arrays.stream(users)
                .map(u -> new Member(u, u, null, null, true, null, "1970-01-01T00:00:00Z", 0, -1))
                .toList();
        return new PresenceSnapshot("g1", "ada", members, true, 0, 0);
    }

    @Test
    void reportedAfterTheGraceWithTheTimeItStartedThenResolved() {
        CrossCheck check = new CrossCheck("/", 1_000, Long.MAX_VALUE);
        AdminSnapshot withoutBob = server(List.of(socket("s1", "ada", "g1", "s1", "g1")), Set.of("s1"));
        PresenceSnapshot showsBob = client("ada", "bob");

        assertTrue(check.check(withoutBob, showsBob, 10_000).current().isEmpty(), "within the grace");
        CrossCheck.Result r = check.check(withoutBob, showsBob, 11_000);
        assertEquals(1, r.opened().size());
        Divergence ghost = r.opened().get(0);
        assertEquals(Divergence.Kind.GHOST, ghost.kind());
        assertEquals("bob", ghost.userId());
        assertEquals(10_000, ghost.sinceMillis(), "since it was first seen, not since it was reported");

        List<EventRecord> opened = CrossCheckRecords.of(r, 11_000, 0);
        assertEquals(CrossCheckRecords.OPENED, opened.get(0).name());
        assertEquals(10_000, opened.get(0).wallMillis());

        CrossCheck.Result gone = check.check(withoutBob, client("ada"), 12_000);
        assertTrue(gone.current().isEmpty());
        assertEquals(List.of(ghost), gone.resolved());
        assertEquals(
                CrossCheckRecords.RESOLVED,
                CrossCheckRecords.of(gone, 12_000, 0).get(0).name());
    }

    @Test
    void aDivergenceThatSettlesWithinTheGraceIsNeverReported() {
        CrossCheck check = new CrossCheck("/", 1_000, Long.MAX_VALUE);
        AdminSnapshot both = server(
                List.of(socket("s1", "ada", "g1", "s1", "g1"), socket("s2", "bob", "g1", "s2", "g1")),
                Set.of("s1", "s2"));
        assertTrue(check.check(both, client("ada"), 0).current().isEmpty());
        CrossCheck.Result settled = check.check(both, client("ada", "bob"), 500);
        assertTrue(settled.opened().isEmpty() && settled.resolved().isEmpty());
        // and if it comes back later, it starts again
        CrossCheck.Result back = check.check(both, client("ada"), 5_000);
        assertTrue(back.current().isEmpty());
        assertEquals(
                5_000, check.check(both, client("ada"), 6_000).current().get(0).sinceMillis());
    }
}
