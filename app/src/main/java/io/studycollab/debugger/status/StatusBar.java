package io.studycollab.debugger.status;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Which mode the window is in (and a red REC badge while recording); events per second, total,
 * malformed, evicted from the log (with the limit), really lost, heap.
 */
public final class StatusBar extends HBox {

    private final Label modeLabel = label("statusMode");
    private final Label rate = label("statusRate");
    private final Label total = label("statusTotal");
    private final Label malformed = label("statusMalformed");
    private final Label evicted = label("statusEvicted");
    private final Label lost = label("statusLost");
    private final Label rec = label("recBadge");
    private final Label heap = label("statusHeap");
    private final Label file = label("statusFile");
    private final Label live = label("liveChip");

    private BooleanBinding lostShown;

    /** {@code limit} is how many events the log keeps; {@code recBadge} is null when not recording. */
    public StatusBar(
            StatsModel stats,
            ObservableValue<String> mode,
            ObservableValue<Number> limit,
            ObservableValue<String> recBadge) {
        createView();
        initListeners(stats, mode, limit, recBadge);
    }

    private void createView() {
        setSpacing(16);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        getStyleClass().add("status-bar");
        setId("statusBar");
        modeLabel.getStyleClass().add("mode-badge");
        rec.getStyleClass().add("rec-badge");
        rec.setStyle("-fx-background-color: #d32f2f; -fx-text-fill: white; -fx-font-weight: bold;"
                + " -fx-padding: 1 8 1 8; -fx-background-radius: 4;");
        rec.managedProperty().bind(rec.visibleProperty());
        lost.setStyle("-fx-text-fill: -color-danger-fg;");
        lost.managedProperty().bind(lost.visibleProperty());
        evicted.setTooltip(new Tooltip("The log keeps the newest events only; older ones are evicted from"
                + " the window's history (a recording still has them). The log's limit field sets N."));
        lost.setTooltip(new Tooltip("Events that never reached the window: dropped by the client under"
                + " overload (client:dropped records in the log) or by the full offline queue."));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        file.getStyleClass().add("file-figures");
        live.getStyleClass().add("live-chip");
        live.setTooltip(new Tooltip("The live connection, still running while the recording is shown"));
        for (Label l : new Label[] {file, live}) {
            l.setVisible(false);
            l.managedProperty().bind(l.visibleProperty());
        }
        for (Label l : new Label[] {rate, total, malformed, evicted, heap}) {
            l.managedProperty().bind(l.visibleProperty());
        }
        // The mode and REC stay whole; the figures give way on a narrow window (never widen it).
        for (Label l : new Label[] {modeLabel, rec}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Label l : new Label[] {file, live, heap, rate, total, malformed, evicted, lost}) {
            l.setMinWidth(0);
        }
        getChildren().addAll(modeLabel, rec, file, rate, total, malformed, evicted, lost, spacer, live, heap);
    }

    private void initListeners(
            StatsModel stats,
            ObservableValue<String> mode,
            ObservableValue<Number> limit,
            ObservableValue<String> recBadge) {
        rate.textProperty().bind(stats.eventsPerSecondProperty().asString("%.0f events/s"));
        total.textProperty().bind(stats.totalProperty().asString("%,d total"));
        malformed.textProperty().bind(stats.malformedProperty().asString("%,d malformed"));
        evicted.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> String.format(
                                "%,d evicted (keep %,d)",
                                stats.evictedProperty().get(), limit.getValue().longValue()),
                        stats.evictedProperty(),
                        limit));
        lost.textProperty().bind(stats.lostProperty().asString("%,d lost"));
        lostShown = stats.lostProperty().greaterThan(0);
        lost.visibleProperty().bind(lostShown);
        rec.textProperty().bind(recBadge);
        rec.visibleProperty().bind(Bindings.createBooleanBinding(() -> recBadge.getValue() != null, recBadge));
        heap.textProperty()
                .bind(stats.heapUsedBytesProperty().divide(1024 * 1024).asString("heap %d MiB"));
        modeLabel.textProperty().bind(mode);
    }

    /**
     * While {@code replaying}, the figures describe the file ({@code fileFigures}) and the live
     * connection keeps only a small chip ({@code liveText}), so no live rate is read as the file's.
     */
    public void showReplay(
            ObservableBooleanValue replaying, ObservableValue<String> fileFigures, ObservableValue<String> liveText) {
        file.textProperty().bind(fileFigures);
        live.textProperty().bind(liveText);
        file.visibleProperty().bind(replaying);
        live.visibleProperty().bind(replaying);
        // The heap too: it describes this process, not the file, and the file's figures need its room at 1024.
        for (Label l : new Label[] {rate, total, malformed, evicted, heap}) {
            l.visibleProperty().bind(Bindings.not(replaying));
        }
        lost.visibleProperty().bind(Bindings.not(replaying).and(lostShown));
    }

    /** A button at the far right that shows or hides the side panel. */
    public void addSidePanelToggle(BooleanProperty shown) {
        ToggleButton b = new ToggleButton(null, new FontIcon(Feather.SIDEBAR));
        b.setId("sidePanelToggle");
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.SMALL, Styles.FLAT);
        b.setTooltip(new Tooltip("Show or hide the side panel (Ctrl+B)"));
        b.selectedProperty().bindBidirectional(shown);
        getChildren().add(b);
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }
}
