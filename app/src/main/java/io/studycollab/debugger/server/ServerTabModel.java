package io.studycollab.debugger.server;

import io.studycollab.realtime.admin.AdminRoom;
import io.studycollab.realtime.admin.AdminServer;
import io.studycollab.realtime.admin.AdminSnapshot;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.admin.crosscheck.Divergence;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Server tab shows, on the FX thread: the tables' rows (already filtered and sorted by the
 * feed thread), the socket picked and its latest state, the open divergences, and the admin
 * connection's state. {@link #show} merges a reading into each table in one list change that touches
 * only the rows that changed; nothing here runs per admin event.
 */
public final class ServerTabModel {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final MergedList<AdminSocket> sockets = new MergedList<>();
    private final MergedList<AdminRoom> rooms = new MergedList<>();
    private final ObservableList<AdminServer> servers = FXCollections.observableArrayList();
    private final ObservableList<ServerReading.NamespaceRow> namespaces = FXCollections.observableArrayList();
    private final ObservableList<Divergence> divergences = FXCollections.observableArrayList();
    private final ObjectProperty<ServerQuery> query = new SimpleObjectProperty<>(ServerQuery.DEFAULT);
    private final ReadOnlyObjectWrapper<AdminSocket> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not connected to an admin namespace.");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper crossCheck = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper actionsAllowed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Set<String>> features = new ReadOnlyObjectWrapper<>(Set.of());
    private String pickedNamespace;
    private String pickedId;
    private final ReadOnlyBooleanWrapper pickedGone = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper suggestedUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper shown = new ReadOnlyLongWrapper();
    private long shownVersion;
    private ServerQuery shownQuery;
    private long rowsTouched;
    private boolean merging = true;
    private boolean applying;

    /** Applies {@code r} if it is newer than what is shown. */
    public void show(ServerReading r) {
        if (r.version() == shownVersion) {
            return;
        }
        shownVersion = r.version();
        AdminSnapshot snap = r.snapshot();
        applying = true;
        try {
            // Same filters and orders as the rows shown: merge, touching only the changed rows. Another
            // query (the user typed or clicked): the rows are another list, swapped at once.
            if (merging && r.query().equals(shownQuery)) {
                rowsTouched += sockets.merge(r.sockets(), r.query().socketOrder());
                rowsTouched += rooms.merge(r.rooms(), r.query().roomOrder());
            } else {
                sockets.replaceAll(r.sockets());
                rooms.replaceAll(r.rooms());
                rowsTouched += r.sockets().size() + r.rooms().size();
            }
            shownQuery = r.query();
        } finally {
            applying = false;
        }
        if (!servers.equals(snap.servers())) {
            servers.setAll(snap.servers());
        }
        if (!namespaces.equals(r.namespaces())) {
            namespaces.setAll(r.namespaces());
        }
        if (!divergences.equals(r.divergences())) {
            divergences.setAll(r.divergences());
        }
        if (!features.get().equals(snap.features())) {
            features.set(snap.features());
        }
        summary.set(summary(r));
        crossCheck.set(r.crossCheck());
        refreshDetail(snap);
        shown.set(r.version());
    }

    /**
     * True while a reading changes the rows: a table's selection moves with the replaced rows then,
     * which is not the user picking another socket.
     */
    public boolean applying() {
        return applying;
    }

    /**
     * Off: each reading replaces all rows, as the tab did before it merged (kept so that the benchmark
     * compares both in one run). On by default.
     */
    public void mergeReadings(boolean on) {
        merging = on;
    }

    /** How many table rows the readings have added, removed or replaced so far (the benchmark reports it). */
    public long rowsTouched() {
        return rowsTouched;
    }

    /** The version of the reading shown; changes after all of a reading is applied. */
    public ReadOnlyLongProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    private static String summary(ServerReading r) {
        AdminSnapshot s = r.snapshot();
        if (s.asOfMillis() == 0) {
            return "";
        }
        String sockets = s.socketsKnown()
                ? String.format(
                        "%,d sockets (%,d shown) · %,d rooms",
                        r.socketCount(), r.sockets().size(), r.roomCount())
                : "sockets not sent (the server is in production mode: stats only)";
        return s.servers().size() + (s.servers().size() == 1 ? " server · " : " servers · ") + sockets + " · as of "
                + TIME.format(Instant.ofEpochMilli(s.asOfMillis()));
    }

    private void refreshDetail(AdminSnapshot snap) {
        if (pickedId == null) {
            return;
        }
        AdminSocket now = snap.socket(pickedNamespace, pickedId);
        if (now != null && !now.equals(detail.get())) {
            detail.set(now);
        }
        pickedGone.set(now == null);
    }

    /** The socket whose detail is shown (null: none); its later states follow as readings arrive. */
    public void pick(AdminSocket s) {
        pickedNamespace = s == null ? null : s.namespace();
        pickedId = s == null ? null : s.id();
        pickedGone.set(false);
        detail.set(s);
    }

    /** True when the socket picked is no longer on the server (its last known state stays shown). */
    public ReadOnlyBooleanProperty pickedGoneProperty() {
        return pickedGone.getReadOnlyProperty();
    }

    /** A server worth inspecting that the window knows of (the embedded sandbox), for the URL field. */
    public ReadOnlyStringProperty suggestedUrlProperty() {
        return suggestedUrl.getReadOnlyProperty();
    }

    void suggestUrl(String url) {
        suggestedUrl.set(url == null ? "" : url);
    }

    void connected(String description, boolean actions) {
        connected.set(true);
        actionsAllowed.set(actions);
        status.set(description);
    }

    void disconnected(String why) {
        connected.set(false);
        actionsAllowed.set(false);
        status.set(why);
        pick(null);
    }

    /** The admin connection dropped; the client reconnects by itself, the last known state stays. */
    void lost() {
        connected.set(false);
    }

    void active(boolean on) {
        active.set(on);
    }

    /** True from Connect until Disconnect: connecting, connected or reconnecting. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    void status(String text) {
        status.set(Objects.requireNonNull(text));
    }

    public ObservableList<AdminSocket> sockets() {
        return sockets;
    }

    public ObservableList<AdminRoom> rooms() {
        return rooms;
    }

    public ObservableList<AdminServer> servers() {
        return servers;
    }

    public ObservableList<ServerReading.NamespaceRow> namespaces() {
        return namespaces;
    }

    /** The cross-check's open divergences for our group, each with the time it started. */
    public ObservableList<Divergence> divergences() {
        return divergences;
    }

    /** Filters and orders: views set it, the feed reads it each refresh. */
    public ObjectProperty<ServerQuery> queryProperty() {
        return query;
    }

    public ReadOnlyObjectProperty<AdminSocket> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the cross-check compares this server with our presence, and why not when it does not. */
    public ReadOnlyStringProperty crossCheckProperty() {
        return crossCheck.getReadOnlyProperty();
    }

    /** Servers, sockets and rooms in all, and as of when. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** False (the default) keeps the tab read-only whatever the server offers. */
    public ReadOnlyBooleanProperty actionsAllowedProperty() {
        return actionsAllowed.getReadOnlyProperty();
    }

    /** What the server lets an admin do ({@code DISCONNECT}, {@code JOIN}, {@code LEAVE}, ...). */
    public ReadOnlyObjectProperty<Set<String>> featuresProperty() {
        return features.getReadOnlyProperty();
    }
}
