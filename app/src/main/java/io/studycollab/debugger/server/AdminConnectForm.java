package io.studycollab.debugger.server;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.admin.AdminPassword;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Server tab's connection form, one row: URL (the sandbox's by default), admin namespace, an
 * optional basic-auth user and a password asked for each connection and never kept, whether actions
 * are allowed, Connect and Disconnect.
 */
final class AdminConnectForm extends HBox {

    private final ServerTabController controller;
    private final ServerTabModel model;
    private final TextField url = new TextField();
    private final TextField namespace = new TextField("/admin");
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckBox allowActions = new CheckBox("Allow actions");
    private final Button connect = new Button("Connect", new FontIcon(Feather.LINK));
    private final Button disconnect = new Button(null, new FontIcon(Feather.X));

    AdminConnectForm(ServerTabController controller) {
        super(10);
        this.controller = controller;
        this.model = controller.model();
        createView();
        initListeners();
    }

    private void createView() {
        url.setId("adminUrl");
        url.setPromptText("http://127.0.0.1:3000");
        url.setPrefColumnCount(16);
        url.setMinWidth(120);
        namespace.setId("adminNamespace");
        namespace.setPrefColumnCount(4);
        namespace.setMinWidth(Region.USE_PREF_SIZE);
        username.setId("adminUser");
        username.setPromptText("user");
        username.setTooltip(new Tooltip("Basic-auth user, if the server asks for one (optional)"));
        username.setPrefColumnCount(4);
        password.setId("adminPassword");
        password.setPromptText("password");
        password.setPrefColumnCount(5);
        password.setTooltip(new Tooltip("Asked for each connection; never saved"));
        allowActions.setId("adminAllowActions");
        allowActions.setTooltip(new Tooltip("Off: read-only. On: disconnect, join and leave, each confirmed first"));
        connect.setId("adminConnect");
        connect.getStyleClass().add(Styles.ACCENT);
        disconnect.setId("adminDisconnect");
        // An icon (its word in the tooltip) so the form stays one row at 1024 wide.
        disconnect.setTooltip(new Tooltip("Disconnect from the admin namespace"));
        disconnect.setAccessibleText("Disconnect");
        // One row at 1024 wide and up: the URL gives way first (a field scrolls, a label would be cut);
        // narrower still, the row wraps.
        for (Region r : new Region[] {username, password, allowActions, connect, disconnect}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(url, Priority.ALWAYS);
        HBox connection = new HBox(6, url, namespace, username, password);
        HBox.setHgrow(connection, Priority.ALWAYS);
        connection.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(6, allowActions, connect, disconnect);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(connection, buttons);
        setAlignment(Pos.CENTER_LEFT);
    }

    private void initListeners() {
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
