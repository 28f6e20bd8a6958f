package io.studycollab.realtime.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminModelTest {

    private static List<JsonNode> args(String json) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        ProtocolCodec.parse(json).forEach(out::add);
        return out;
    }

    @Test
    void aSnapshotKeepsItsRoomsWhileTheModelMovesOn() throws Exception {
        // snapshot() copies the model's maps and builds outside its lock: the room sets it shares
        // with the model must never change after it is taken.
        AdminModel m = new AdminModel();
        m.apply(
                "socket_connected",
                args("[{\"id\":\"s1\",\"nsp\":\"/\",\"rooms\":[\"s1\",\"g1\"],\"handshake\":{}}]"),
                1);
        AdminSnapshot before = m.snapshot();
        m.apply("room_left", args("[\"/\",\"g1\",\"s1\"]"), 2);
        m.apply("room_joined", args("[\"/\",\"g2\",\"s1\"]"), 3);
        m.apply("room_joined", args("[\"/\",\"g2\",\"s1\"]"), 4); // twice: still one membership
        assertEquals(Set.of("s1", "g1"), before.socket("/", "s1").rooms());
        assertEquals(Set.of("s1"), before.room("/", "g1").socketIds());
        assertNull(before.room("/", "g2"));
        AdminSnapshot after = m.snapshot();
        assertEquals(Set.of("s1", "g2"), after.socket("/", "s1").rooms());
        assertNull(after.room("/", "g1"));
        // a room_left for a room it is not in changes nothing
        assertTrue(m.apply("room_left", args("[\"/\",\"g1\",\"s1\"]"), 5).isEmpty());
    }

    @Test
    void orderOfTheOfficialPackageAndBadInput() throws Exception {
        AdminModel m = new AdminModel();
        // the package announces a socket's own room before the socket
        m.apply("room_joined", args("[\"/\",\"s1\",\"s1\",\"2026-01-01T00:00:00.000Z\"]"), 5);
        m.apply(
                "socket_connected",
                args("[{\"id\":\"s1\",\"nsp\":\"/\",\"rooms\":[\"s1\"],\"data\":{\"user\":{\"userId\":\"u1\"}},"
                        + "\"handshake\":{\"address\":\"1.2.3.4\",\"headers\":{\"authorization\":\"Bearer abc.def.ghi\","
                        + "\"cookie\":\"sid=1\"},\"auth\":{\"token\":\"t0ken-value\",\"sessionId\":\"sess-123456\"}}},"
                        + "\"2026-01-01T00:00:01.000Z\"]"),
                6);
        m.apply("room_joined", args("[\"/\",\"g1\",\"s1\"]"), 7);
        AdminSnapshot s = m.snapshot();
        AdminSocket s1 = s.socket("/", "s1");
        assertEquals(Set.of("s1", "g1"), s1.rooms());
        assertEquals("u1", s1.userId());
        assertEquals(1767225601000L, s1.connectedAtMillis());
        String json = ProtocolCodec.write(s.toJson());
        assertTrue(
                !json.contains("t0ken-value") && !json.contains("abc.def.ghi") && !json.contains("sess-123456"), json);
        assertTrue(!json.contains("sid=1"), json);

        // room_left arrives after socket_disconnected: it must not bring the socket back
        m.apply("socket_disconnected", args("[\"/\",\"s1\",\"transport close\"]"), 8);
        assertTrue(m.apply("room_left", args("[\"/\",\"g1\",\"s1\"]"), 9).isEmpty());
        assertNull(m.snapshot().socket("/", "s1"));
        assertNull(m.snapshot().room("/", "g1"));

        // nothing readable: skipped and counted, never thrown
        m.apply("socket_connected", args("[42]"), 10);
        m.apply("room_joined", args("[null]"), 10);
        m.apply("server_stats", args("[\"x\"]"), 10);
        m.apply("all_sockets", args("[{}]"), 10);
        m.apply("socket_updated", args("[{\"id\":\"nobody\"}]"), 10);
        m.apply("event_received", List.of(), 10);
        assertEquals(6, m.skipped());
    }

    @Test
    void userComesFromTheTokenWhenTheServerKeepsNoUser() throws Exception {
        String token = TestTokens.token("u9", "Nine", 60).reveal();
        AdminModel m = new AdminModel();
        m.apply(
                "socket_connected",
                args("[{\"id\":\"s9\",\"nsp\":\"/\",\"rooms\":[],\"data\":{},\"handshake\":{\"auth\":{\"token\":\""
                        + token + "\"}}}]"),
                1);
        AdminSocket s = m.snapshot().socket("/", "s9");
        assertEquals("u9", s.userId());
        assertEquals("Nine", s.displayName());
        assertTrue(!ProtocolCodec.write(s.auth()).contains(token));
    }
}
