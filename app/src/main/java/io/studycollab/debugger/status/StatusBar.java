package io.studycollab.debugger.status;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Events per second, total, malformed, dropped, heap; and which mode the window is in. */
public final class StatusBar extends HBox {

    private final Label modeLabel = label("statusMode");
    private final Label rate = label("statusRate");
    private final Label total = label("statusTotal");
    private final Label malformed = label("statusMalformed");
    private final Label dropped = label("statusDropped");
    private final Label heap = label("statusHeap");

    public StatusBar(StatsModel stats, ObservableValue<String> mode) {
        createView();
        initListeners(stats, mode);
    }

    private void createView() {
        setSpacing(16);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        getStyleClass().add("status-bar");
        setId("statusBar");
        modeLabel.getStyleClass().add("mode-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(modeLabel, rate, total, malformed, dropped, spacer, heap);
    }

    private void initListeners(StatsModel stats, ObservableValue<String> mode) {
        rate.textProperty().bind(stats.eventsPerSecondProperty().asString("%.0f events/s"));
        total.textProperty().bind(stats.totalProperty().asString("%,d total"));
        malformed.textProperty().bind(stats.malformedProperty().asString("%,d malformed"));
        dropped.textProperty().bind(stats.droppedProperty().asString("%,d dropped"));
        heap.textProperty()
                .bind(stats.heapUsedBytesProperty().divide(1024 * 1024).asString("heap %d MiB"));
        modeLabel.textProperty().bind(mode);
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }
}
