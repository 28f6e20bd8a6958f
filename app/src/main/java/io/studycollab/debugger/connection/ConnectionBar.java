package io.studycollab.debugger.connection;

import atlantafx.base.theme.Styles;
import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.profiles.ServerProfile;
import io.studycollab.realtime.client.ConnectionState;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Server profile, URL (always the real server; "via fault proxy" beside it when routed), masked
 * token with its decoded claims, Connect / Disconnect, how many tries before giving up, and why a
 * Connect did nothing. Reconnect lives in the status indicator (one button, shown when down).
 */
public final class ConnectionBar extends HBox {

    /** What Connect does with the chosen profile, URL and token text. */
    public interface ConnectAction {
        void connect(ServerProfile profile, String url, String token);
    }

    private final RealtimeModel model;
    private final ObservableBooleanValue dark;
    private final ComboBox<ServerProfile> profiles = new ComboBox<>();
    private final TextField url = new TextField();
    private final PasswordField token = new PasswordField();
    private final Button claims = new Button(null, new FontIcon(Feather.INFO));
    private final Button edit = new Button(null, new FontIcon(Feather.SETTINGS));
    private final Button connect = new Button("Connect", new FontIcon(Feather.LINK));
    private final Button disconnect = new Button("Disconnect", new FontIcon(Feather.X_CIRCLE));
    private final Label via = new Label();
    private final Label problem = new Label();
    private final Spinner<Integer> retries = new Spinner<>(1, 50, 5);
    private final Button theme = new Button(null, new FontIcon(Feather.MOON));
    private final ConnectionStatusIndicator indicator;
    private final FxEventPump pump;
    // Made on the first click on the claims button: the first frame does not need them.
    private TokenClaimsView claimsView;
    private PopOver claimsPopOver;

    /** What the bar asks of the window besides connecting. */
    public record Actions(
            ConnectAction connect, Consumer<ServerProfile> editProfile, Runnable toggleTheme, IntConsumer setRetries) {}

    public ConnectionBar(
            RealtimeModel model,
            ObservableList<ServerProfile> profileList,
            Actions actions,
            ObservableBooleanValue dark,
            FxEventPump pump) {
        this.model = model;
        this.dark = dark;
        this.indicator = new ConnectionStatusIndicator(model, pump);
        this.pump = pump;
        profiles.setItems(profileList);
        createView();
        initListeners(actions);
    }

    /** The token's claims in a pop-over under the claims button (made the first time). */
    private void showClaims() {
        if (claimsPopOver == null) {
            claimsView = new TokenClaimsView(pump);
            claimsPopOver = new PopOver(claimsView);
            claimsPopOver.setTitle("Token claims (not verified)");
            claimsPopOver.setHeaderAlwaysVisible(true);
            claimsPopOver.setDetachable(false);
            claimsPopOver.setArrowLocation(PopOver.ArrowLocation.TOP_CENTER);
            claimsPopOver.setOnHidden(e -> claimsView.stop());
        }
        claimsView.show(token.getText());
        claimsPopOver.show(claims);
    }

    private void createView() {
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 10, 8, 10));
        getStyleClass().add("connection-bar");
        profiles.setId("profiles");
        profiles.setPrefWidth(196);
        profiles.setTooltip(new Tooltip("Server profile"));
        url.setId("serverUrl");
        url.setPromptText("http://127.0.0.1:3000");
        url.setPrefColumnCount(12);
        url.setMinWidth(120); // at 1024 px the URL must stay readable
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
        disconnect.setDisable(true);
        via.setId("viaProxyNote");
        via.getStyleClass().add(Styles.WARNING);
        via.setTooltip(new Tooltip("Traffic goes through the QA tab's fault proxy"));
        problem.setId("connectProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMaxWidth(360);
        retries.setId("maxRetries");
        retries.setEditable(true);
        retries.setPrefWidth(70);
        retries.setTooltip(new Tooltip("Give up reconnecting after this many tries"));
        theme.setId("theme");
        theme.setGraphic(new FontIcon(dark.get() ? Feather.SUN : Feather.MOON));
        theme.setTooltip(new Tooltip("Light / dark theme"));
        theme.getStyleClass().add(Styles.BUTTON_ICON);
        for (Control c : new Control[] {connect, disconnect, claims, edit, theme, profiles, retries}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label retriesLabel = new Label("tries");
        retriesLabel.setMinWidth(Region.USE_PREF_SIZE);
        showVia(null);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(url, Priority.SOMETIMES);
        getChildren()
                .addAll(
                        profiles,
                        edit,
                        url,
                        via,
                        token,
                        claims,
                        connect,
                        disconnect,
                        retriesLabel,
                        retries,
                        problem,
                        spacer,
                        theme);
    }

    private void initListeners(Actions actions) {
        profiles.valueProperty().addListener((obs, old, p) -> {
            if (p == null) {
                return;
            }
            url.setText(p.sandbox() ? model.urlProperty().get() : p.url());
            problem.setText("");
            url.setDisable(p.sandbox());
            token.setText(p.token() == null ? "" : p.token());
            // A Supabase profile's token comes from signing in: no field to type it in (the claims
            // button still reads it), which leaves the bar room for the user and the expiry.
            token.setVisible(!p.usesSupabase());
            token.setManaged(!p.usesSupabase());
        });
        model.urlProperty().addListener((obs, old, u) -> {
            ServerProfile p = profiles.getValue();
            if (p != null && p.sandbox()) {
                url.setText(u);
            }
        });
        model.proxyUrlProperty().addListener((obs, old, u) -> showVia(u));
        connect.setOnAction(e -> {
            problem.setText("");
            actions.connect().connect(profiles.getValue(), text(url.getText()), text(token.getText()));
        });
        disconnect.setOnAction(e -> model.disconnect());
        retries.valueProperty().addListener((obs, old, n) -> {
            if (n != null) {
                actions.setRetries().accept(n);
            }
        });
        claims.setOnAction(e -> showClaims());
        edit.setOnAction(e -> actions.editProfile().accept(profiles.getValue()));
        theme.setOnAction(e -> {
            actions.toggleTheme().run();
            theme.setGraphic(new FontIcon(dark.get() ? Feather.SUN : Feather.MOON));
        });
        model.connectionStatusProperty().addListener((obs, old, s) -> {
            boolean busy = s.state() == ConnectionState.CONNECTED
                    || s.state() == ConnectionState.CONNECTING
                    || s.state() == ConnectionState.RECONNECTING;
            disconnect.setDisable(!busy);
            connect.setDisable(s.state() == ConnectionState.CONNECTED);
            if (s.state() == ConnectionState.CONNECTED) {
                problem.setText("");
            }
        });
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private void showVia(String proxyUrl) {
        via.setText(proxyUrl == null ? "" : "via fault proxy " + proxyUrl.replaceFirst("^https?://", ""));
        via.setVisible(proxyUrl != null);
        via.setManaged(proxyUrl != null);
    }

    /** Why the last Connect did not connect, in the bar (cleared by the next Connect or a connection). */
    public void showProblem(String why) {
        problem.setText(why == null ? "" : why);
    }

    public Label problemLabel() {
        return problem;
    }

    public Spinner<Integer> retriesSpinner() {
        return retries;
    }

    public ComboBox<ServerProfile> profileBox() {
        return profiles;
    }

    public ConnectionStatusIndicator indicator() {
        return indicator;
    }

    /** Puts a feature's part of the bar (the Supabase sign-in) right after the token and its claims. */
    public void showAfterToken(Node part) {
        getChildren().add(getChildren().indexOf(claims) + 1, part);
    }

    /** Puts a freshly minted token into the (masked) field, so its claims can be inspected. */
    public void showToken(String text) {
        token.setText(text);
    }
}
