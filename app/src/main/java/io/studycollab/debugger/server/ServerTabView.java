package io.studycollab.debugger.server;

import atlantafx.base.theme.Styles;
import io.studycollab.debugger.layout.SplitProportions;
import io.studycollab.realtime.admin.AdminRoom;
import io.studycollab.realtime.admin.AdminServer;
import io.studycollab.realtime.admin.AdminSocket;
import java.time.Instant;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Server tab: where to connect ({@link AdminConnectForm}), then the server's sockets, rooms, servers and namespaces as
 * tables, and the picked socket's detail with the admin actions.
 */
public final class ServerTabView extends BorderPane {

    private final ServerTabController controller;
    private final ServerTabModel model;
    private final Label status = new Label();
    private final Label summary = new Label();
    private final Label crossCheck = new Label();
    private final TextField socketFilter = new TextField();
    private final TextField roomFilter = new TextField();
    private final CheckBox privateRooms = new CheckBox("Private rooms");
    private final ServerTables<AdminSocket> sockets =
            new ServerTables<>("adminSockets", "No sockets (yet, or none match)");
    private final ServerTables<AdminRoom> rooms = new ServerTables<>("adminRooms", "No rooms (yet, or none match)");
    private final ServerTables<AdminServer> servers = new ServerTables<>("adminServers", "No server stats yet");
    private final ServerTables<ServerReading.NamespaceRow> namespaces =
            new ServerTables<>("adminNamespaces", "No namespaces yet");
    private final SocketDetailView detail;

    public ServerTabView(ServerTabController controller) {
        this.controller = controller;
        this.model = controller.model();
        this.detail = new SocketDetailView(controller);
        createView();
        initListeners();
    }

    private void createView() {
        status.setId("adminStatus");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        summary.setId("adminSummary");
        summary.getStyleClass().add("text-muted");
        summary.setMinWidth(Region.USE_PREF_SIZE);
        crossCheck.setId("adminCrossCheck");
        crossCheck.getStyleClass().add("text-muted");
        crossCheck.setWrapText(true);
        crossCheck.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = new VBox(4, new AdminConnectForm(controller), crossCheck);
        top.setPadding(new Insets(6, 6, 2, 6));

        // Narrow, the tables keep what identifies a row (socket, user, rooms; room; server) and drop the
        // rest, least telling first (rank 1); the column menu ("+") shows any of them again.
        sockets.idColumn("Socket", "24fce…6f90", AdminSocket::id, ServerTables.text(AdminSocket::id))
                .column("User", "Grace Hopper (bot-2)", ServerTabView::user, ServerTables.text(ServerTabView::user))
                .column("Nsp", "/admin", AdminSocket::namespace, ServerTables.text(AdminSocket::namespace))
                .optional(3)
                .column("Transport", "websocket", AdminSocket::transport, ServerTables.text(AdminSocket::transport))
                .optional(2)
                .column("Address", "127.0.0.1", AdminSocket::address, ServerTables.text(AdminSocket::address))
                .optional(1)
                .column(
                        "Connected",
                        "00:00:00",
                        ServerTabView::connectedAt,
                        ServerTables.number(AdminSocket::connectedAtMillis))
                .optional(4)
                .column(
                        "Rooms",
                        "demo, ab",
                        s -> String.join(", ", s.sharedRooms()),
                        ServerTables.number(s -> s.rooms().size()));
        sockets.table().setItems(model.sockets());
        rooms.column("Room", "study-group-1", AdminRoom::name, ServerTables.text(AdminRoom::name))
                .column("Nsp", "/admin", AdminRoom::namespace, ServerTables.text(AdminRoom::namespace))
                .optional(1)
                .column(
                        "Members",
                        "9999",
                        r -> String.valueOf(r.socketIds().size()),
                        ServerTables.number(r -> r.socketIds().size()));
        rooms.table().setItems(model.rooms());
        servers.idColumn("Server", "server-1", AdminServer::serverId, ServerTables.text(AdminServer::serverId))
                .column("Host", "hostname", AdminServer::hostname, null)
                .optional(3)
                .column("PID", "99999", s -> String.valueOf(s.pid()), null)
                .optional(1)
                .column("Uptime", "99999 s", s -> String.format("%.0f s", s.uptimeSeconds()), null)
                .optional(2)
                .column("Clients", "9999", s -> String.valueOf(s.clientsCount()), null)
                .column("Polling", "9999", s -> String.valueOf(s.pollingClientsCount()), null)
                .optional(4);
        servers.table().setItems(model.servers());
        namespaces
                .idColumn("Server", "server-1", ServerReading.NamespaceRow::serverId, null)
                .column("Namespace", "/admin", ServerReading.NamespaceRow::name, null)
                .column("Sockets", "9999", n -> String.valueOf(n.socketsCount()), null);
        namespaces.table().setItems(model.namespaces());

        socketFilter.setId("adminSocketFilter");
        socketFilter.setPromptText("filter: id, user, room…");
        socketFilter.setTooltip(new Tooltip("Shows the sockets whose id, user, address or a room contains this"));
        roomFilter.setId("adminRoomFilter");
        roomFilter.setPromptText("filter rooms");
        privateRooms.setId("adminPrivateRooms");
        privateRooms.setTooltip(new Tooltip("Each socket's own room, named after its id"));
        privateRooms.setMinWidth(Region.USE_PREF_SIZE); // the filter field gives way first
        HBox.setHgrow(socketFilter, Priority.ALWAYS);
        HBox.setHgrow(roomFilter, Priority.ALWAYS);
        Tab socketTab = new Tab("Sockets", withBar(new HBox(6, new FontIcon(Feather.FILTER), socketFilter), sockets));
        Tab roomTab =
                new Tab("Rooms", withBar(new HBox(6, new FontIcon(Feather.FILTER), roomFilter, privateRooms), rooms));
        SplitPane serverSplit = new SplitPane(servers.table(), namespaces.table());
        serverSplit.setOrientation(Orientation.VERTICAL);
        Tab serverTab = new Tab("Servers", serverSplit);
        TabPane tables = new TabPane(socketTab, roomTab, serverTab);
        tables.setId("adminTables");
        tables.getStyleClass().add(Styles.DENSE);
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // The detail gets the room its actions need on one row; the tables the rest.
        tables.setMinWidth(260);
        detail.setMinWidth(310);
        SplitPane center = new SplitPane(tables, detail);
        new SplitProportions(center, controller.pump(), 0.62);
        setTop(top);
        setCenter(center);
        // The connection's state beside the counts: one line where there is room, the state wrapping.
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox bottom = new HBox(12, status, summary);
        bottom.setAlignment(Pos.TOP_LEFT);
        bottom.setPadding(new Insets(2, 6, 2, 6));
        setBottom(bottom);
        getStyleClass().add("server-tab");
    }

    private static BorderPane withBar(HBox bar, ServerTables<?> table) {
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        BorderPane p = new BorderPane(table.table());
        p.setTop(bar);
        return p;
    }

    static String user(AdminSocket s) {
        if (s.userId() == null) {
            return null;
        }
        return s.displayName() == null || s.displayName().equals(s.userId())
                ? s.userId()
                : s.displayName() + " (" + s.userId() + ")";
    }

    static String connectedAt(AdminSocket s) {
        return s.connectedAtMillis() < 0 ? "" : ServerTabModel.TIME.format(Instant.ofEpochMilli(s.connectedAtMillis()));
    }

    private void initListeners() {
        status.textProperty().bind(model.statusProperty());
        summary.textProperty().bind(model.summaryProperty());
        crossCheck.textProperty().bind(model.crossCheckProperty());
        socketFilter
                .textProperty()
                .addListener((o, a, t) ->
                        model.queryProperty().set(model.queryProperty().get().withSocketFilter(t)));
        roomFilter
                .textProperty()
                .addListener((o, a, t) ->
                        model.queryProperty().set(model.queryProperty().get().withRoomFilter(t)));
        privateRooms
                .selectedProperty()
                .addListener((o, a, on) ->
                        model.queryProperty().set(model.queryProperty().get().withPrivateRooms(on)));
        sockets.sortWith(
                ServerQuery.SOCKETS_BY_ID,
                c -> model.queryProperty().set(model.queryProperty().get().withSocketOrder(c)));
        rooms.sortWith(
                ServerQuery.ROOMS_BY_NAME,
                c -> model.queryProperty().set(model.queryProperty().get().withRoomOrder(c)));
        sockets.table().getSelectionModel().selectedItemProperty().addListener((o, was, s) -> {
            if (s != null && !model.applying()) {
                model.pick(s);
            }
        });
        // No detail (the admin connection was made again, or nothing picked yet): no row stays selected,
        // so that picking the row that was selected before is a change the table reports.
        model.detailProperty().addListener((o, was, s) -> {
            if (s == null) {
                sockets.table().getSelectionModel().clearSelection();
            }
        });
        // A new reading replaces the rows: select the picked socket again where it now is.
        model.shownProperty().addListener((o, a, b) -> reselect());
        rooms.table().getSelectionModel().selectedItemProperty().addListener((o, was, r) -> {
            if (r != null && !r.privateRoom()) {
                socketFilter.setText(r.name());
            }
        });
    }

    private void reselect() {
        AdminSocket picked = model.detailProperty().get();
        var selection = sockets.table().getSelectionModel();
        if (picked == null) {
            return;
        }
        AdminSocket selected = selection.getSelectedItem();
        if (selected != null
                && selected.id().equals(picked.id())
                && selected.namespace().equals(picked.namespace())) {
            return;
        }
        for (int i = 0; i < model.sockets().size(); i++) {
            AdminSocket s = model.sockets().get(i);
            if (s.id().equals(picked.id()) && s.namespace().equals(picked.namespace())) {
                selection.clearAndSelect(i);
                return;
            }
        }
    }
}
