package io.studycollab.debugger.server;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.admin.AdminPassword;
import io.studycollab.realtime.admin.AdminRoom;
import io.studycollab.realtime.admin.AdminServer;
import io.studycollab.realtime.admin.AdminSocket;
import java.time.Instant;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Server tab: where to connect (URL, admin namespace, optional basic-auth user and a password
 * asked for each time and never kept), then the server's sockets, rooms, servers and namespaces as
 * tables, and the picked socket's detail with the admin actions.
 */
public final class ServerTabView extends BorderPane {

    private final ServerTabController controller;
    private final ServerTabModel model;
    private final TextField url = new TextField();
    private final TextField namespace = new TextField("/admin");
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckBox allowActions = new CheckBox("Allow actions");
    private final Button connect = new Button("Connect", new FontIcon(Feather.LINK));
    private final Button disconnect = new Button("Disconnect", new FontIcon(Feather.X));
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
        url.setId("adminUrl");
        url.setPromptText("http://127.0.0.1:3000");
        url.setPrefColumnCount(18);
        namespace.setId("adminNamespace");
        namespace.setPrefColumnCount(6);
        username.setId("adminUser");
        username.setPromptText("user (optional)");
        username.setPrefColumnCount(7);
        password.setId("adminPassword");
        password.setPromptText("password");
        password.setPrefColumnCount(7);
        password.setTooltip(new Tooltip("Asked for each connection; never saved"));
        allowActions.setId("adminAllowActions");
        allowActions.setTooltip(new Tooltip("Off: read-only. On: disconnect, join and leave, each confirmed first"));
        connect.setId("adminConnect");
        connect.getStyleClass().add(Styles.ACCENT);
        disconnect.setId("adminDisconnect");
        status.setId("adminStatus");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        summary.setId("adminSummary");
        summary.getStyleClass().add("text-muted");
        FlowPane form = new FlowPane(6, 4, url, namespace, username, password, allowActions, connect, disconnect);
        form.setAlignment(Pos.CENTER_LEFT);
        crossCheck.setId("adminCrossCheck");
        crossCheck.getStyleClass().add("text-muted");
        crossCheck.setWrapText(true);
        VBox top = new VBox(4, form, status, crossCheck);
        top.setPadding(new Insets(6));

        sockets.column("Socket", 120, AdminSocket::id, ServerTables.text(AdminSocket::id))
                .column("User", 110, ServerTabView::user, ServerTables.text(ServerTabView::user))
                .column("Nsp", 60, AdminSocket::namespace, ServerTables.text(AdminSocket::namespace))
                .column("Transport", 80, AdminSocket::transport, ServerTables.text(AdminSocket::transport))
                .column("Address", 100, AdminSocket::address, ServerTables.text(AdminSocket::address))
                .column(
                        "Connected",
                        75,
                        ServerTabView::connectedAt,
                        ServerTables.number(AdminSocket::connectedAtMillis))
                .column(
                        "Rooms",
                        140,
                        s -> String.join(", ", s.sharedRooms()),
                        ServerTables.number(s -> s.rooms().size()));
        sockets.table().setItems(model.sockets());
        rooms.column("Room", 160, AdminRoom::name, ServerTables.text(AdminRoom::name))
                .column("Nsp", 60, AdminRoom::namespace, ServerTables.text(AdminRoom::namespace))
                .column(
                        "Members",
                        70,
                        r -> String.valueOf(r.socketIds().size()),
                        ServerTables.number(r -> r.socketIds().size()));
        rooms.table().setItems(model.rooms());
        servers.column("Server", 140, AdminServer::serverId, ServerTables.text(AdminServer::serverId))
                .column("Host", 110, AdminServer::hostname, null)
                .column("PID", 60, s -> String.valueOf(s.pid()), null)
                .column("Uptime", 70, s -> String.format("%.0f s", s.uptimeSeconds()), null)
                .column("Clients", 60, s -> String.valueOf(s.clientsCount()), null)
                .column("Polling", 60, s -> String.valueOf(s.pollingClientsCount()), null);
        servers.table().setItems(model.servers());
        namespaces
                .column("Server", 140, ServerReading.NamespaceRow::serverId, null)
                .column("Namespace", 120, ServerReading.NamespaceRow::name, null)
                .column("Sockets", 70, n -> String.valueOf(n.socketsCount()), null);
        namespaces.table().setItems(model.namespaces());

        socketFilter.setId("adminSocketFilter");
        socketFilter.setPromptText("filter sockets: id, user, address, room…");
        roomFilter.setId("adminRoomFilter");
        roomFilter.setPromptText("filter rooms");
        privateRooms.setId("adminPrivateRooms");
        privateRooms.setTooltip(new Tooltip("Each socket's own room, named after its id"));
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
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane center = new SplitPane(tables, detail);
        center.setDividerPositions(0.66);
        setTop(top);
        setCenter(center);
        HBox bottom = new HBox(summary);
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
        url.promptTextProperty().bind(model.suggestedUrlProperty().map(u -> u.isEmpty() ? "http://127.0.0.1:3000" : u));
        // The view is made when its tab is first shown: it starts from what the model says now.
        url.setText(model.suggestedUrlProperty().get());
        model.suggestedUrlProperty().addListener((o, was, now) -> {
            if (url.getText().isBlank() || url.getText().equals(was)) {
                url.setText(now);
            }
        });
        disconnect.disableProperty().bind(model.activeProperty().not());
        connect.setOnAction(e -> connect());
        url.setOnAction(e -> connect());
        password.setOnAction(e -> connect());
        disconnect.setOnAction(e -> controller.disconnect());
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

    private void connect() {
        String pw = password.getText();
        password.clear(); // held by the admin client only, for this connection
        String user = username.getText().trim();
        AdminPassword secret = user.isEmpty() || pw.isEmpty() ? null : AdminPassword.of(pw);
        String target = url.getText().isBlank() ? model.suggestedUrlProperty().get() : url.getText();
        controller.connect(new ServerTabController.ConnectRequest(
                target, namespace.getText(), user.isEmpty() ? null : user, secret, allowActions.isSelected()));
    }
}
