package io.studycollab.debugger.presence;

import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.protocol.Payloads;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The original {@code useGroupPresence} hook: members, their cursors and tools, observable on the
 * FX thread. Fed the presence fold's snapshot once per pulse, live or replayed alike.
 *
 * <p>{@link #groupMembers()} changes only when the roster does (someone joins, leaves, goes idle,
 * switches tool): with hundreds of users moving, rebuilding avatars and list cells 60 times a second
 * for cursor moves alone was most of the frame. Positions are in {@link #userCursors()}; a member's
 * own {@code cursor()} there may be older.
 *
 * <p>Lists that show one row per member follow {@link #memberIds()}, which changes only when people
 * join, leave or change places, and redraw a row from {@link #membersById()} when that member
 * changes: a replaced list element would make a list view clear its selection and refocus.
 */
public final class GroupModel {

    private final ObservableList<Member> groupMembers = FXCollections.observableArrayList();
    private final ObservableMap<String, Payloads.Cursor> userCursors = FXCollections.observableHashMap();
    private final ObservableMap<String, String> userTools = FXCollections.observableHashMap();
    private final ObservableList<String> memberIds = FXCollections.observableArrayList();
    private final ObservableMap<String, Member> membersById = FXCollections.observableHashMap();
    // Made once: an unmodifiable view listens to its list weakly, so a fresh one per call could be
    // collected along with the listeners added to it.
    private final ObservableList<Member> membersView = FXCollections.unmodifiableObservableList(groupMembers);
    private final ObservableMap<String, Payloads.Cursor> cursorsView =
            FXCollections.unmodifiableObservableMap(userCursors);
    private final ObservableMap<String, String> toolsView = FXCollections.unmodifiableObservableMap(userTools);
    private final ObservableList<String> idsView = FXCollections.unmodifiableObservableList(memberIds);
    private final ObservableMap<String, Member> byIdView = FXCollections.unmodifiableObservableMap(membersById);
    private final ReadOnlyObjectWrapper<PresenceSnapshot> snapshot =
            new ReadOnlyObjectWrapper<>(PresenceSnapshot.EMPTY);

    public void refresh(PresenceTracker tracker) {
        show(tracker.snapshot());
    }

    public void show(PresenceSnapshot s) {
        if (s == snapshot.get()) {
            return;
        }
        snapshot.set(s);
        List<Member> fresh = s.members();
        boolean rosterChanged = !sameRoster(groupMembers, fresh);
        if (rosterChanged) {
            applyRoster(fresh);
            Set<String> ids = new HashSet<>();
            fresh.forEach(m -> ids.add(m.userId()));
            userCursors.keySet().retainAll(ids);
            userTools.keySet().retainAll(ids);
        }
        // Only what moved is put: each put is a change its listeners hear.
        for (Member m : fresh) {
            Payloads.Cursor c = m.cursor();
            if (c == null) {
                if (rosterChanged) {
                    userCursors.remove(m.userId());
                }
            } else if (!c.equals(userCursors.get(m.userId()))) {
                userCursors.put(m.userId(), c);
            }
            if (rosterChanged) {
                if (m.currentTool() == null) {
                    userTools.remove(m.userId());
                } else if (!m.currentTool().equals(userTools.get(m.userId()))) {
                    userTools.put(m.userId(), m.currentTool());
                }
            }
        }
    }

    /**
     * Same people in the same order (someone went idle or switched tool): replace just their
     * entries, so views over this redraw one row, not all; otherwise replace the whole roster.
     */
    private void applyRoster(List<Member> fresh) {
        boolean sameOrder = groupMembers.size() == fresh.size();
        for (int i = 0; sameOrder && i < fresh.size(); i++) {
            sameOrder = groupMembers.get(i).userId().equals(fresh.get(i).userId());
        }
        if (!sameOrder) {
            // Members first: a row made for a new id looks its member up.
            Set<String> ids = new HashSet<>();
            for (Member m : fresh) {
                ids.add(m.userId());
                if (!m.sameRosterEntry(membersById.get(m.userId()))) {
                    membersById.put(m.userId(), m);
                }
            }
            membersById.keySet().retainAll(ids);
            groupMembers.setAll(fresh);
            memberIds.setAll(fresh.stream().map(Member::userId).toList());
            return;
        }
        for (int i = 0; i < fresh.size(); i++) {
            Member m = fresh.get(i);
            if (!groupMembers.get(i).sameRosterEntry(m)) {
                membersById.put(m.userId(), m);
                groupMembers.set(i, m);
            }
        }
    }

    private static boolean sameRoster(List<Member> shown, List<Member> fresh) {
        if (shown.size() != fresh.size()) {
            return false;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (!shown.get(i).sameRosterEntry(fresh.get(i))) {
                return false;
            }
        }
        return true;
    }

    public ObservableList<Member> groupMembers() {
        return membersView;
    }

    /** Members' user ids in roster order; changes only when the people or their order do. */
    public ObservableList<String> memberIds() {
        return idsView;
    }

    /** Each member's latest roster entry (name, activity, tool), by user id. */
    public ObservableMap<String, Member> membersById() {
        return byIdView;
    }

    public ObservableMap<String, Payloads.Cursor> userCursors() {
        return cursorsView;
    }

    public ObservableMap<String, String> userTools() {
        return toolsView;
    }

    public ReadOnlyObjectProperty<PresenceSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }
}
