package io.studycollab.debugger.presence;

import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceSnapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.css.PseudoClass;

/**
 * The original {@code useGroupPresence} hook: members, their cursors and tools, observable on the
 * FX thread. Fed the presence fold's snapshot once per pulse, live or replayed alike.
 *
 * <p>{@link #groupMembers()} changes only when the roster does (someone joins, leaves, goes idle,
 * switches tool): with hundreds of users moving, rebuilding avatars and list cells 60 times a second
 * for cursor moves alone was most of the frame. Positions are read per frame from
 * {@link #snapshotProperty()} (the canvas polls it; nothing listens to each move).
 *
 * <p>Lists that show one row per member follow {@link #memberIds()}, which changes only when people
 * join, leave or change places, and redraw a row from {@link #membersById()} when that member
 * changes: a replaced list element would make a list view clear its selection and refocus.
 *
 * <p>A dropped connection does not look like an empty group: the fold forgets members when the
 * connection goes, but this model keeps showing the last known ones, with {@link #offlineNoteProperty()}
 * saying since when, until the rejoin brings the group back (or we are connected and in no group).
 */
public final class GroupModel {

    /** On views of members while they are a last known state (greyed by the stylesheet). */
    public static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObservableList<Member> groupMembers = FXCollections.observableArrayList();
    private final ObservableList<String> memberIds = FXCollections.observableArrayList();
    private final ObservableMap<String, Member> membersById = FXCollections.observableHashMap();
    // Made once: an unmodifiable view listens to its list weakly, so a fresh one per call could be
    // collected along with the listeners added to it.
    private final ObservableList<Member> membersView = FXCollections.unmodifiableObservableList(groupMembers);
    private final ObservableList<String> idsView = FXCollections.unmodifiableObservableList(memberIds);
    private final ObservableMap<String, Member> byIdView = FXCollections.unmodifiableObservableMap(membersById);
    private final ReadOnlyObjectWrapper<PresenceSnapshot> snapshot =
            new ReadOnlyObjectWrapper<>(PresenceSnapshot.EMPTY);
    private final ReadOnlyStringWrapper offlineNote = new ReadOnlyStringWrapper();
    private PresenceSnapshot lastSeen = PresenceSnapshot.EMPTY;

    /**
     * Shows {@code s}; when {@code s} is the connection dropping (the last snapshot was connected, this
     * one is not) keeps the group shown, noted, until connected again with the group back.
     */
    public void show(PresenceSnapshot s) {
        if (s == lastSeen) {
            return;
        }
        PresenceSnapshot previous = lastSeen;
        lastSeen = s;
        boolean holding = offlineNote.get() != null;
        if (!holding
                && previous.connected()
                && !s.connected()
                && !snapshot.get().members().isEmpty()) {
            offlineNote.set(
                    "offline since " + CLOCK.format(Instant.ofEpochMilli(s.asOfMillis())) + " — last known state");
            return;
        }
        if (holding && !s.connected()) {
            return;
        }
        if (holding && s.members().isEmpty() && s.groupId() != null) {
            offlineNote.set("reconnected · rejoining " + s.groupId() + " — last known state");
            return;
        }
        offlineNote.set(null);
        apply(s);
    }

    /** Forgets what was shown (a different recording, or back to live): the next snapshot shows as it is. */
    public void reset(PresenceSnapshot s) {
        offlineNote.set(null);
        lastSeen = s;
        apply(s);
    }

    private void apply(PresenceSnapshot s) {
        if (s == snapshot.get()) {
            return;
        }
        snapshot.set(s);
        List<Member> fresh = s.members();
        if (!sameRoster(groupMembers, fresh)) {
            applyRoster(fresh);
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

    /** The group as shown: the latest snapshot, or the last known one while offline. */
    public ReadOnlyObjectProperty<PresenceSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** "offline since 12:03:04 — last known state" while the shown group is a memory, else null. */
    public ReadOnlyStringProperty offlineNoteProperty() {
        return offlineNote.getReadOnlyProperty();
    }
}
