package io.studycollab.debugger.supabase;

import atlantafx.base.theme.Styles;
import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.profiles.ServerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The connection bar's Supabase part, shown while a "Supabase project" profile is chosen: who is
 * signed in (email or "anonymous"), the access token's expiry counting down, and Sign in / Sign
 * out. A failing refresh turns the countdown red (the notification strip says why).
 */
public final class AccountView extends HBox {

    private final SupabaseAccount account;
    private final ObservableValue<ServerProfile> chosen;
    private final Label user = new Label();
    private final Label expiry = new Label();
    private final Button signIn = new Button("Sign in", new FontIcon(Feather.LOG_IN));

    /**
     * @param chosen the profile chosen in the bar
     * @param showToken puts the session's token in the bar's masked token field (for the claims)
     */
    public AccountView(
            SupabaseAccount account,
            ObservableValue<ServerProfile> chosen,
            Consumer<String> showToken,
            FxEventPump pump) {
        this.account = account;
        this.chosen = chosen;
        createView();
        initListeners(showToken, pump);
    }

    private void createView() {
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("supabase-account");
        user.setId("supabaseUser");
        user.setGraphic(new FontIcon(Feather.USER));
        user.setMinWidth(60); // a long email gives way (ellipsis, full in the tooltip)
        user.setMaxWidth(200);
        expiry.setId("supabaseExpiry");
        expiry.setGraphic(new FontIcon(Feather.CLOCK)); // "the token's time left", without the words
        expiry.setMinWidth(Region.USE_PREF_SIZE);
        expiry.setTooltip(
                new Tooltip("Time left on the access token; the session refreshes itself before it runs out"));
        signIn.setId("supabaseSignIn");
        signIn.setMinWidth(Region.USE_PREF_SIZE);
        // The button first: it stays where Sign in was clicked, and what appears after signing in
        // (the user, the expiry) grows to its right instead of sliding Sign out under the mouse.
        getChildren().addAll(signIn, user, expiry);
        render();
    }

    private void initListeners(Consumer<String> showToken, FxEventPump pump) {
        chosen.addListener((o, was, p) -> {
            render();
            if (mine() && account.state().accessTokenProperty().get() != null) {
                showToken.accept(account.state().accessTokenProperty().get()); // the bar blanked it for the new choice
            }
        });
        account.state().whoProperty().addListener((o, was, w) -> render());
        account.state().busyProperty().addListener((o, was, b) -> render());
        account.state().refreshFailingProperty().addListener((o, was, f) -> render());
        account.state().accessTokenProperty().addListener((o, was, token) -> {
            if (token != null && mine()) {
                showToken.accept(token);
            }
        });
        signIn.setOnAction(e -> {
            if (mine()) {
                account.signOut();
            } else {
                account.signIn(chosen.getValue());
            }
        });
        pump.every(FxEventPump.Phase.VIEWS, Duration.ofSeconds(1), now -> renderExpiry());
    }

    /** Whether the session in hand belongs to the chosen profile. */
    private boolean mine() {
        ServerProfile p = chosen.getValue();
        return p != null
                && account.state().whoProperty().get() != null
                && p.name().equals(account.state().profileNameProperty().get());
    }

    private void render() {
        ServerProfile p = chosen.getValue();
        boolean shown = p != null && p.usesSupabase();
        setVisible(shown);
        setManaged(shown);
        if (!shown) {
            return;
        }
        boolean in = mine();
        user.setText(
                in
                        ? account.state().whoProperty().get()
                        : account.state().busyProperty().get() ? "signing in…" : "not signed in");
        // Signed out, the Sign in button says it all: the bar keeps its room at 1024 px.
        boolean showUser = in || account.state().busyProperty().get();
        user.setVisible(showUser);
        user.setManaged(showUser);
        user.setTooltip(new Tooltip(
                in
                        ? account.state().whoProperty().get() + " at "
                                + p.supabase().projectUrl()
                        : p.supabase().who() + " at " + p.supabase().projectUrl()));
        signIn.setText(in ? "Sign out" : "Sign in");
        // Signed in, Sign out is an icon (named in its tooltip): the user and the expiry need the room.
        signIn.setContentDisplay(in ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        signIn.setTooltip(
                new Tooltip(in ? "Sign out (ends the session at Supabase Auth)" : "Sign in to the Supabase project"));
        signIn.setGraphic(new FontIcon(in ? Feather.LOG_OUT : Feather.LOG_IN));
        signIn.setDisable(account.state().busyProperty().get());
        signIn.getStyleClass().remove(Styles.ACCENT);
        if (!in) {
            signIn.getStyleClass().add(Styles.ACCENT);
        }
        renderExpiry();
    }

    private void renderExpiry() {
        Instant at = account.state().expiresAtProperty().get();
        boolean in = mine() && at != null;
        expiry.setVisible(in);
        expiry.setManaged(in);
        if (!in) {
            return;
        }
        Duration left = Duration.between(Instant.ofEpochMilli(account.clock().wallMillis()), at);
        boolean failing = account.state().refreshFailingProperty().get();
        expiry.setText(
                left.isNegative() || left.isZero()
                        ? "expired"
                        : String.format(
                                "%d:%02d%s",
                                left.toMinutes(), left.toSecondsPart(), failing ? " · not refreshed" : ""));
        expiry.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.SUCCESS);
        expiry.getStyleClass().add(failing || left.isNegative() ? Styles.DANGER : Styles.SUCCESS);
    }
}
