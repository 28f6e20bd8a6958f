package io.studycollab.debugger.ui.presence;

import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.protocol.Payloads;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The original {@code useGroupPresence} hook: members, their cursors and tools, observable on the
 * FX thread. Fed the presence fold's snapshot once per pulse, live or replayed alike.
 */
public final class GroupModel {

    private final ObservableList<Member> groupMembers = FXCollections.observableArrayList();
    private final ObservableMap<String, Payloads.Cursor> userCursors = FXCollections.observableHashMap();
    private final ObservableMap<String, String> userTools = FXCollections.observableHashMap();
    // Made once: an unmodifiable view listens to its list weakly, so a fresh one per call could be
    // collected along with the listeners added to it.
    private final ObservableList<Member> membersView = FXCollections.unmodifiableObservableList(groupMembers);
    private final ObservableMap<String, Payloads.Cursor> cursorsView = FXCollections.unmodifiableObservableMap(userCursors);
    private final ObservableMap<String, String> toolsView = FXCollections.unmodifiableObservableMap(userTools);
    private final ReadOnlyObjectWrapper<PresenceSnapshot> snapshot = new ReadOnlyObjectWrapper<>(PresenceSnapshot.EMPTY);

    public void refresh(PresenceTracker tracker) {
        show(tracker.snapshot());
    }

    public void show(PresenceSnapshot s) {
        if (s == snapshot.get()) {
            return;
        }
        snapshot.set(s);
        if (!groupMembers.equals(s.members())) {
            groupMembers.setAll(s.members());
        }
        Map<String, Payloads.Cursor> cursors = new HashMap<>();
        Map<String, String> tools = new HashMap<>();
        for (Member m : s.members()) {
            if (m.cursor() != null) {
                cursors.put(m.userId(), m.cursor());
            }
            if (m.currentTool() != null) {
                tools.put(m.userId(), m.currentTool());
            }
        }
        sync(userCursors, cursors);
        sync(userTools, tools);
    }

    private static <V> void sync(ObservableMap<String, V> target, Map<String, V> fresh) {
        target.keySet().retainAll(fresh.keySet());
        fresh.forEach((k, v) -> {
            if (!v.equals(target.get(k))) {
                target.put(k, v);
            }
        });
    }

    public ObservableList<Member> groupMembers() {
        return membersView;
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
