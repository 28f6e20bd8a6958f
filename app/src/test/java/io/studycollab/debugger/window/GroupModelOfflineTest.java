package io.studycollab.debugger.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.presence.GroupModel;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.protocol.Payloads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dropped connection keeps the last known group on screen, noted, until the group is back. */
class GroupModelOfflineTest {

    private static Member member(String id) {
        return new Member(id, id, null, new Payloads.Cursor(1, 2), true, null, null, 0, 0);
    }

    private static PresenceSnapshot snapshot(boolean connected, String group, long at, Member... members) {
        return new PresenceSnapshot(group, "me", List.of(members), connected, at, at);
    }

    @Test
    void theLastKnownGroupStaysUntilTheRejoinBringsItBack() {
        GroupModel model = new GroupModel();
        model.show(snapshot(true, "demo", 1_000, member("ada"), member("bob")));
        assertNull(model.offlineNoteProperty().get());

        model.show(snapshot(false, "demo", 2_000));
        assertEquals(2, model.groupMembers().size(), "a drop does not look like an empty group");
        assertTrue(
                model.offlineNoteProperty().get().startsWith("offline since "),
                model.offlineNoteProperty().get());
        assertTrue(model.offlineNoteProperty().get().endsWith("— last known state"));

        model.show(snapshot(true, "demo", 3_000));
        assertEquals(2, model.groupMembers().size(), "connected, not yet rejoined");
        assertTrue(model.offlineNoteProperty().get().contains("rejoining demo"));

        model.show(snapshot(true, "demo", 4_000, member("ada")));
        assertNull(model.offlineNoteProperty().get());
        assertEquals(List.of("ada"), model.memberIds());
    }

    @Test
    void leavingTheGroupWhileConnectedEmptiesItAndAFileWithoutAConnectionShowsAsItIs() {
        GroupModel model = new GroupModel();
        model.show(snapshot(true, "demo", 1_000, member("ada")));
        model.show(snapshot(true, null, 2_000));
        assertTrue(model.groupMembers().isEmpty());
        assertNull(model.offlineNoteProperty().get());

        GroupModel replayed = new GroupModel();
        replayed.show(snapshot(false, "g", 1_000, member("ada")));
        replayed.show(snapshot(false, "g", 2_000, member("ada"), member("bob")));
        assertEquals(2, replayed.groupMembers().size(), "never connected: nothing to hold");
        assertNull(replayed.offlineNoteProperty().get());
    }
}
