package io.studycollab.debugger.connection;

import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.client.ConnectionState;
import java.time.Duration;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Colour and state of the connection; with {@code showDetails} also attempts, retry countdown,
 * last error code, transport, socket id, round trip and quality, and queue depth; with
 * {@code showReconnectButton} a button when the connection is down.
 */
public final class ConnectionStatusIndicator extends HBox {

    private final RealtimeModel model;
    private final BooleanProperty showDetails = new SimpleBooleanProperty(true);
    private final BooleanProperty showReconnectButton = new SimpleBooleanProperty(true);
    private final Circle dot = new Circle(6);
    private final Label state = new Label();
    private final Label details = new Label();
    private final Tooltip reasonTip = new Tooltip();
    private final Button reconnect = new Button("Reconnect", new FontIcon(Feather.REFRESH_CW));
    private final FxEventPump pump;
    /** The details in full, then shorter forms (no socket id, then no transport), for a narrow bar. */
    private String[] detailForms = {""};

    private final Text measure = new Text();
    private int shownForm;

    /** {@code pump} ticks the retry countdown (four times a second, only while reconnecting). */
    public ConnectionStatusIndicator(RealtimeModel model, FxEventPump pump) {
        this.model = model;
        this.pump = pump;
        createView();
        initListeners();
        render();
    }

    private void createView() {
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        getStyleClass().add("connection-status");
        state.getStyleClass().add("connection-state");
        state.setId("connectionState");
        details.getStyleClass().add("connection-details");
        details.setId("connectionDetails");
        reconnect.setId("indicatorReconnect");
        reconnect.getStyleClass().add("small");
        // The state and Reconnect stay whole; the details give way (their full text is in the tooltip).
        state.setMinWidth(Region.USE_PREF_SIZE);
        reconnect.setMinWidth(Region.USE_PREF_SIZE);
        details.setMinWidth(0);
        getChildren().addAll(dot, state, details, reconnect);
        Tooltip.install(this, reasonTip);
    }

    private void initListeners() {
        model.connectionStatusProperty().addListener((obs, old, s) -> render());
        showDetails.addListener((obs, o, n) -> render());
        showReconnectButton.addListener((obs, o, n) -> render());
        reconnect.setOnAction(e -> model.reconnect());
        pump.every(FxEventPump.Phase.VIEWS, Duration.ofMillis(250), now -> {
            if (model.connectionStatusProperty().get().state() == ConnectionState.RECONNECTING) {
                render();
            }
        });
    }

    private void render() {
        ConnectionSnapshot s = model.connectionStatusProperty().get();
        dot.getStyleClass().setAll("status-dot", "status-" + s.state().name().toLowerCase(Locale.ROOT));
        state.setText(label(s.state()));
        details.setVisible(showDetails.get());
        details.setManaged(showDetails.get());
        detailForms = new String[] {detailText(s, 0), detailText(s, 1), detailText(s, 2)};
        details.setText(detailForms[shownForm]); // the next layout picks again
        reasonTip.setText(
                s.reason() == null || s.reason().isBlank() ? detailForms[0] : detailForms[0] + "\n" + s.reason());
        boolean down = s.state() == ConnectionState.FAILED
                || s.state() == ConnectionState.DISCONNECTED
                || s.state() == ConnectionState.RECONNECTING;
        boolean show = showReconnectButton.get() && down && s.url() != null;
        reconnect.setVisible(show);
        reconnect.setManaged(show);
    }

    /**
     * Asks for the room the full details need, whatever form is shown, so that a bar with room to
     * spare gives the whole line back after it was narrow.
     */
    @Override
    protected double computePrefWidth(double height) {
        double pref = super.computePrefWidth(height);
        return details.isManaged() ? pref - details.prefWidth(-1) + textWidth(detailForms[0]) + padding() : pref;
    }

    /**
     * Shows the longest form of the details that fits: at 1024 px the whole line would end in "…",
     * where dropping the socket id (it stays in the tooltip) shows the round trip and quality whole.
     * Only the shortest form may still be elided.
     */
    @Override
    protected void layoutChildren() {
        if (details.isManaged()) {
            double room = getWidth() - snappedLeftInset() - snappedRightInset() - padding();
            for (var n : getManagedChildren()) {
                if (n != details) {
                    room -= n.prefWidth(-1) + getSpacing();
                }
            }
            shownForm = detailForms.length - 1;
            for (int i = 0; i < detailForms.length; i++) {
                if (textWidth(detailForms[i]) <= room) {
                    shownForm = i;
                    break;
                }
            }
            if (!detailForms[shownForm].equals(details.getText())) {
                details.setText(detailForms[shownForm]);
            }
        }
        super.layoutChildren();
    }

    private double textWidth(String text) {
        measure.setFont(details.getFont());
        measure.setText(text);
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    private double padding() {
        return details.snappedLeftInset() + details.snappedRightInset();
    }

    private static String label(ConnectionState s) {
        return switch (s) {
            case CONNECTED -> "Connected";
            case CONNECTING -> "Connecting…";
            case RECONNECTING -> "Reconnecting…";
            case FAILED -> "Failed";
            case DISCONNECTED -> "Disconnected";
        };
    }

    /** {@code shorter}: 0 all, 1 without the socket id, 2 without the transport too. */
    static String detailText(ConnectionSnapshot s, int shorter) {
        StringBuilder b = new StringBuilder();
        switch (s.state()) {
            case CONNECTED -> {
                if (shorter < 2) {
                    b.append(s.transport() != null ? s.transport() : "?").append(" · ");
                }
                if (s.socketId() != null && shorter < 1) {
                    b.append("id ")
                            .append(s.socketId(), 0, Math.min(8, s.socketId().length()))
                            .append(" · ");
                }
                b.append("rtt ")
                        .append(s.rttMillis() < 0 ? "–" : Math.round(s.rttMillis()) + " ms")
                        .append(" · ")
                        .append(s.quality().name().toLowerCase(Locale.ROOT));
            }
            case RECONNECTING -> {
                b.append("attempt ").append(s.attempt()).append('/').append(s.maxAttempts());
                if (s.nextRetryAtMillis() > 0) {
                    long left = Math.max(0, s.nextRetryAtMillis() - System.currentTimeMillis());
                    b.append(" · retry in ").append(String.format("%.1f s", left / 1000.0));
                }
            }
            default -> {
                // reason below
            }
        }
        if (s.state() != ConnectionState.CONNECTED && s.errorCode() != null) {
            b.append(b.length() > 0 ? " · " : "").append(s.errorCode());
        } else if (s.state() == ConnectionState.FAILED || s.state() == ConnectionState.DISCONNECTED) {
            if (s.url() != null) {
                b.append(shorten(s.reason()));
            }
        }
        if (s.queueDepth() > 0 || s.queueDropped() > 0) {
            b.append(" · queued ").append(s.queueDepth());
            if (s.queueDropped() > 0) {
                b.append(" (dropped ").append(s.queueDropped()).append(')');
            }
        }
        return b.toString();
    }

    private static String shorten(String reason) {
        return reason == null ? "" : reason.length() > 60 ? reason.substring(0, 59) + "…" : reason;
    }

    public BooleanProperty showDetailsProperty() {
        return showDetails;
    }

    public BooleanProperty showReconnectButtonProperty() {
        return showReconnectButton;
    }
}
