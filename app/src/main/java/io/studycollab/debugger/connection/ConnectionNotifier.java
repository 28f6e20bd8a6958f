package io.studycollab.debugger.connection;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.StateCause;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Tells the user about connection problems with a notification in the window's corner, not only
 * a colour: a drop, a retry schedule, a refusal, a server disconnect, and the recovery.
 */
public final class ConnectionNotifier {

    private final VBox stack = new VBox(8);

    public ConnectionNotifier(RealtimeModel model) {
        stack.setAlignment(Pos.TOP_RIGHT);
        stack.setPickOnBounds(false);
        stack.setPadding(new Insets(12));
        stack.setMaxWidth(420);
        StackPane.setAlignment(stack, Pos.TOP_RIGHT);
        model.connectionStatusProperty().addListener((obs, old, now) -> onChange(old, now));
    }

    public VBox view() {
        return stack;
    }

    private void onChange(ConnectionSnapshot old, ConnectionSnapshot now) {
        if (old.state() == now.state()) {
            return;
        }
        switch (now.state()) {
            case RECONNECTING -> {
                if (old.state() == ConnectionState.CONNECTED) {
                    show(
                            Styles.WARNING,
                            Feather.WIFI_OFF,
                            "Connection lost",
                            now.reason() + ". Retrying (attempt " + now.attempt() + "/" + now.maxAttempts() + ").");
                }
            }
            case FAILED -> show(Styles.DANGER, Feather.ALERT_OCTAGON, "Connection failed", now.reason());
            case DISCONNECTED -> {
                if (now.cause() == StateCause.SERVER_DISCONNECT) {
                    show(Styles.DANGER, Feather.ALERT_TRIANGLE, "Disconnected by the server", now.reason());
                }
            }
            case CONNECTED -> {
                if (old.state() == ConnectionState.RECONNECTING) {
                    show(Styles.SUCCESS, Feather.CHECK_CIRCLE, "Reconnected", "Group rejoined, queued events sent.");
                }
            }
            default -> {
                // connecting: the indicator says enough
            }
        }
    }

    /** A passing message in the same corner, for things the user should notice without a dialog. */
    public void info(String title, String text) {
        show(Styles.ACCENT, Feather.INFO, title, text);
    }

    private void show(String style, Feather icon, String title, String text) {
        Notification n = new Notification(title + "\n" + text, new FontIcon(icon));
        n.getStyleClass().addAll(style, Styles.ELEVATED_1);
        n.setPrefWidth(400);
        n.setMaxWidth(400);
        n.setMaxHeight(Region.USE_PREF_SIZE);
        n.getStyleClass().add("connection-notification");
        n.setOnClose(e -> stack.getChildren().remove(n));
        stack.getChildren().add(n);
        while (stack.getChildren().size() > 3) {
            stack.getChildren().remove(0);
        }
        PauseTransition hide = new PauseTransition(Duration.seconds(8));
        hide.setOnFinished(e -> stack.getChildren().remove(n));
        hide.play();
    }
}
