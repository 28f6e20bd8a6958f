package io.studycollab.debugger.eventlog;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableSet;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * Per event name over the last seconds: how many per second and from whom, with a quick toggle
 * that shows or hides that name in the log.
 */
final class RateSummaryView extends VBox {

    static final long WINDOW_MILLIS = 5_000;

    private final TableView<RateSummary.Line> table = new TableView<>();
    private final ObservableSet<String> hidden;
    private final BiConsumer<String, Boolean> setShown;

    /** {@code setShown} shows ({@code true}) or hides an event name in the log. */
    RateSummaryView(ObservableSet<String> hidden, BiConsumer<String, Boolean> setShown) {
        this.hidden = hidden;
        this.setShown = setShown;
        createView();
    }

    private void createView() {
        setId("rateSummary");
        setSpacing(6);
        setPadding(new Insets(8));
        Label title = new Label("Last " + WINDOW_MILLIS / 1000 + " s, by event name (untick to hide from the log)");
        title.getStyleClass().add(Styles.TEXT_MUTED);
        title.setWrapText(true);
        table.setId("rateTable");
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No events in the last seconds"));
        TableColumn<RateSummary.Line, String> show = new TableColumn<>("Show");
        show.setPrefWidth(56);
        show.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().name()));
        show.setCellFactory(c -> new ToggleCell());
        TableColumn<RateSummary.Line, String> name = text("Event", 190, RateSummary.Line::name);
        TableColumn<RateSummary.Line, String> rate =
                text("/s", 60, l -> l.count() == 0 ? "–" : String.format("%.1f", l.perSecond()));
        TableColumn<RateSummary.Line, String> from = text("From", 220, RateSummary.Line::sendersText);
        table.getColumns().setAll(List.of(show, name, rate, from));
        table.setPrefSize(560, 260);
        getChildren().addAll(title, table);
    }

    private static TableColumn<RateSummary.Line, String> text(
            String title, double width, Function<RateSummary.Line, String> value) {
        TableColumn<RateSummary.Line, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    /** The summary of {@code lines}, with hidden names that sent nothing lately listed too (to show them again). */
    void show(List<RateSummary.Line> lines) {
        List<RateSummary.Line> all = new ArrayList<>(lines);
        for (String h : hidden) {
            if (all.stream().noneMatch(l -> l.name().equals(h))) {
                all.add(new RateSummary.Line(h, 0, 0, Map.of()));
            }
        }
        table.getItems().setAll(all);
    }

    TableView<RateSummary.Line> table() {
        return table;
    }

    private final class ToggleCell extends TableCell<RateSummary.Line, String> {
        private final CheckBox box = new CheckBox();

        ToggleCell() {
            box.setOnAction(e -> {
                if (getItem() != null) {
                    setShown.accept(getItem(), box.isSelected());
                }
            });
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            if (empty || name == null) {
                setGraphic(null);
                return;
            }
            box.setSelected(!hidden.contains(name));
            box.setId("show-" + name.replaceAll("[^A-Za-z0-9_-]", "_")); // ":" is not allowed in a CSS id
            setGraphic(box);
        }
    }
}
