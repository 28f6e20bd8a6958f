package io.studycollab.debugger.replay;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.replay.SessionComparison;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Compare with live" as a view: one row per event name with the recording's and the live
 * history's counts (rows that differ marked), and the first place the two part, side by side and
 * highlighted, so the user sees where to look instead of reading a text report.
 */
public final class ComparisonView extends VBox {

    static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");
    static final PseudoClass FIRST = PseudoClass.getPseudoClass("first-difference");

    /** One event name's counts on each side. */
    public record Row(String event, long left, long right) {
        public boolean differs() {
            return left != right;
        }
    }

    private final TableView<Row> table = new TableView<>();

    public ComparisonView(SessionComparison.Result result, String leftName, String rightName) {
        super(8);
        setId("comparison");
        setPadding(new Insets(10));
        Label summary = new Label(
                result.same()
                        ? "Same events, in the same order: " + leftName + " and " + rightName + "."
                        : "Left: " + leftName + "\nRight: " + rightName + "\n" + result.compared()
                                + " events compared.");
        summary.setId("comparisonSummary");
        summary.setWrapText(true);
        String firstName = firstName(result.firstDifference());
        table.setId("comparisonTable");
        table.getColumns()
                .setAll(List.of(
                        column("Event", Row::event, 220),
                        column("Recording", r -> String.format("%,d", r.left()), 110),
                        column("Live", r -> String.format("%,d", r.right()), 110),
                        column("Δ", r -> r.differs() ? String.format("%+,d", r.right() - r.left()) : "", 80)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (Map.Entry<String, long[]> e : result.counts().entrySet()) {
            table.getItems().add(new Row(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                boolean differs = !empty && row != null && row.differs();
                pseudoClassStateChanged(DIFFERS, differs);
                pseudoClassStateChanged(
                        FIRST, !empty && row != null && row.event().equals(firstName));
                // Inline so the marks show in either theme without a stylesheet of their own.
                setStyle(
                        !empty && row != null && row.event().equals(firstName)
                                ? "-fx-background-color: -color-danger-subtle; -fx-font-weight: bold;"
                                : differs ? "-fx-background-color: -color-warning-subtle;" : "");
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(summary, table, firstDifference(result.firstDifference()));
        setPrefSize(640, 520);
    }

    public TableView<Row> table() {
        return table;
    }

    /** The event name the first difference is about (the recording's side, else the live one). */
    static String firstName(SessionComparison.Difference d) {
        if (d == null) {
            return null;
        }
        return d.left() != null
                ? d.left().name()
                : d.right() != null ? d.right().name() : null;
    }

    private static VBox firstDifference(SessionComparison.Difference d) {
        Label title = new Label(
                d == null
                        ? "No difference in order or content."
                        : "First difference at event #" + (d.position() + 1) + ": " + d.reason());
        title.setId("firstDifference");
        title.setWrapText(true);
        if (d == null) {
            return new VBox(title);
        }
        title.setStyle("-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;");
        GridPane sides = new GridPane();
        sides.setHgap(8);
        sides.add(new Label("Recording"), 0, 0);
        sides.add(new Label("Live"), 1, 0);
        sides.add(record(d.left(), "firstDifferenceLeft"), 0, 1);
        sides.add(record(d.right(), "firstDifferenceRight"), 1, 1);
        GridPane.setHgrow(sides.getChildren().get(2), Priority.ALWAYS);
        GridPane.setHgrow(sides.getChildren().get(3), Priority.ALWAYS);
        return new VBox(6, title, sides);
    }

    private static TextArea record(EventRecord r, String id) {
        TextArea t = new TextArea(r == null ? "(ends here)" : r.name() + "\n" + r.payload());
        t.setId(id);
        t.setEditable(false);
        t.setWrapText(true);
        t.setPrefRowCount(5);
        t.setStyle("-fx-font-family: monospace; -fx-control-inner-background: -color-danger-subtle;");
        return t;
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(true);
        return c;
    }
}
