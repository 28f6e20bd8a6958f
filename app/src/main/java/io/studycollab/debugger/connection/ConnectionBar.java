package io.studycollab.debugger.connection;

import atlantafx.base.theme.Styles;
import io.studycollab.debugger.profiles.ServerProfile;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Server profile, URL, masked token with its decoded claims, Connect / Disconnect / Reconnect, status. */
public final class ConnectionBar extends HBox {

    /** What Connect does with the chosen profile, URL and token text. */
    public interface ConnectAction {
        void connect(ServerProfile profile, String url, String token);
    }

    private final RealtimeModel model;
    private final javafx.beans.value.ObservableBooleanValue dark;
    private final ComboBox<ServerProfile> profiles = new ComboBox<>();
    private final TextField url = new TextField();
    private final PasswordField token = new PasswordField();
    private final Button claims = new Button(null, new FontIcon(Feather.INFO));
    private final Button edit = new Button(null, new FontIcon(Feather.SETTINGS));
    private final Button connect = new Button("Connect", new FontIcon(Feather.LINK));
    private final Button disconnect = new Button("Disconnect", new FontIcon(Feather.X_CIRCLE));
    private final Button reconnect = new Button("Reconnect", new FontIcon(Feather.REFRESH_CW));
    private final Button theme = new Button(null, new FontIcon(Feather.MOON));
    private final ConnectionStatusIndicator indicator;
    private final TokenClaimsView claimsView = new TokenClaimsView();
    private final PopOver claimsPopOver = new PopOver(claimsView);

    public ConnectionBar(
            RealtimeModel model,
            ObservableList<ServerProfile> profileList,
            ConnectAction action,
            Consumer<ServerProfile> onEditProfile,
            Runnable onToggleTheme,
            javafx.beans.value.ObservableBooleanValue dark) {
        this.model = model;
        this.dark = dark;
        this.indicator = new ConnectionStatusIndicator(model);
        profiles.setItems(profileList);
        createView();
        initListeners(action, onEditProfile, onToggleTheme);
    }

    private void createView() {
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 10, 8, 10));
        getStyleClass().add("connection-bar");
        profiles.setId("profiles");
        profiles.setPrefWidth(170);
        profiles.setTooltip(new Tooltip("Server profile"));
        url.setId("serverUrl");
        url.setPromptText("http://127.0.0.1:3000");
        url.setPrefColumnCount(15);
        token.setId("token");
        token.setPromptText("access token (JWT)");
        token.setPrefColumnCount(9);
        claims.setId("tokenClaims");
        claims.setTooltip(new Tooltip("Decode the token's claims"));
        claims.getStyleClass().add(Styles.BUTTON_ICON);
        edit.setTooltip(new Tooltip("Edit or add server profiles"));
        edit.getStyleClass().add(Styles.BUTTON_ICON);
        connect.setId("connect");
        connect.getStyleClass().add(Styles.ACCENT);
        disconnect.setId("disconnect");
        reconnect.setId("reconnect");
        theme.setId("theme");
        theme.setGraphic(new FontIcon(dark.get() ? Feather.SUN : Feather.MOON));
        theme.setTooltip(new Tooltip("Light / dark theme"));
        theme.getStyleClass().add(Styles.BUTTON_ICON);
        claimsPopOver.setTitle("Token claims (not verified)");
        claimsPopOver.setHeaderAlwaysVisible(true);
        claimsPopOver.setDetachable(false);
        claimsPopOver.setArrowLocation(PopOver.ArrowLocation.TOP_CENTER);
        for (javafx.scene.control.Control c :
                new javafx.scene.control.Control[] {connect, disconnect, reconnect, claims, edit, theme, profiles}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(url, Priority.SOMETIMES);
        getChildren().addAll(profiles, edit, url, token, claims, connect, disconnect, reconnect, spacer, theme);
    }

    private void initListeners(ConnectAction action, Consumer<ServerProfile> onEditProfile, Runnable onToggleTheme) {
        profiles.valueProperty().addListener((obs, old, p) -> {
            if (p == null) {
                return;
            }
            url.setText(p.sandbox() ? model.urlProperty().get() : p.url());
            url.setDisable(p.sandbox());
            token.setText(p.token() == null ? "" : p.token());
        });
        model.urlProperty().addListener((obs, old, u) -> {
            ServerProfile p = profiles.getValue();
            if (p != null && p.sandbox()) {
                url.setText(u);
            }
        });
        connect.setOnAction(e -> action.connect(
                profiles.getValue(), url.getText().trim(), token.getText().trim()));
        disconnect.setOnAction(e -> model.disconnect());
        reconnect.setOnAction(e -> model.reconnect());
        claims.setOnAction(e -> {
            claimsView.show(token.getText());
            claimsPopOver.show(claims);
        });
        claimsPopOver.setOnHidden(e -> claimsView.stop());
        edit.setOnAction(e -> onEditProfile.accept(profiles.getValue()));
        theme.setOnAction(e -> {
            onToggleTheme.run();
            theme.setGraphic(new FontIcon(dark.get() ? Feather.SUN : Feather.MOON));
        });
        model.connectionStatusProperty().addListener((obs, old, s) -> {
            boolean busy = s.state() == io.studycollab.realtime.client.ConnectionState.CONNECTED
                    || s.state() == io.studycollab.realtime.client.ConnectionState.CONNECTING
                    || s.state() == io.studycollab.realtime.client.ConnectionState.RECONNECTING;
            disconnect.setDisable(!busy);
        });
    }

    public ComboBox<ServerProfile> profileBox() {
        return profiles;
    }

    public ConnectionStatusIndicator indicator() {
        return indicator;
    }

    /** Puts a freshly minted token into the (masked) field, so its claims can be inspected. */
    public void showToken(String text) {
        token.setText(text);
    }
}
