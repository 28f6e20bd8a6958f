package io.studycollab.debugger.status;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Events per second, total, malformed, dropped, heap; and which mode the window is in. */
public final class StatusBar extends HBox {

    public StatusBar(StatsModel stats, javafx.beans.value.ObservableValue<String> mode) {
        setSpacing(16);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        getStyleClass().add("status-bar");
        setId("statusBar");
        Label rate = label("statusRate");
        rate.textProperty().bind(stats.eventsPerSecondProperty().asString("%.0f events/s"));
        Label total = label("statusTotal");
        total.textProperty().bind(stats.totalProperty().asString("%,d total"));
        Label malformed = label("statusMalformed");
        malformed.textProperty().bind(stats.malformedProperty().asString("%,d malformed"));
        Label dropped = label("statusDropped");
        dropped.textProperty().bind(stats.droppedProperty().asString("%,d dropped"));
        Label heap = label("statusHeap");
        heap.textProperty()
                .bind(stats.heapUsedBytesProperty().divide(1024 * 1024).asString("heap %d MiB"));
        Label modeLabel = label("statusMode");
        modeLabel.textProperty().bind(mode);
        modeLabel.getStyleClass().add("mode-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(modeLabel, rate, total, malformed, dropped, spacer, heap);
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }
}
