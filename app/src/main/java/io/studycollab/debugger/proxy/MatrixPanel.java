package io.studycollab.debugger.proxy;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.proxy.matrix.MatrixView;
import io.studycollab.realtime.proxy.matrix.MatrixView.Belief;
import io.studycollab.realtime.proxy.matrix.MatrixView.Cell;
import io.studycollab.realtime.proxy.matrix.MatrixView.Divergence;
import io.studycollab.realtime.proxy.matrix.MatrixView.MemberSummary;
import io.studycollab.realtime.proxy.matrix.MatrixView.Row;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What each member saw: a row per fanned-out source event and a column per connection (delivered
 * with its fan-out latency, missed, out of order, pending); per-member summaries; and each member's
 * believed group beside who is really there, divergences highlighted.
 */
public final class MatrixPanel extends BorderPane {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final PseudoClass MISSED = PseudoClass.getPseudoClass("missed");
    private static final PseudoClass LATE = PseudoClass.getPseudoClass("out-of-order");
    private static final PseudoClass DIVERGES = PseudoClass.getPseudoClass("diverges");

    private final MatrixFeed feed;
    private final Label title = new Label();
    private final TableView<Row> rows = new TableView<>();
    private final TableView<MemberSummary> members = new TableView<>();
    private final ListView<Belief> beliefs = new ListView<>();
    private List<String> columns = List.of();

    public MatrixPanel(MatrixFeed feed) {
        this.feed = feed;
        createView();
        initListeners();
    }

    private void createView() {
        setId("matrixPanel");
        setPadding(new Insets(8));
        title.getStyleClass().add("text-muted");
        rows.setId("matrixRows");
        rows.setPlaceholder(new Label("No fanned-out events yet (cursor, tool, presence, custom events)"));
        rows.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        rows.getStyleClass().add(Styles.DENSE);
        members.getStyleClass().add(Styles.DENSE);
        beliefs.getStyleClass().add(Styles.DENSE);
        members.setId("matrixMembers");
        members.setPlaceholder(new Label("No members"));
        members.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        members.getColumns()
                .setAll(List.of(
                        text("Conn", 60, MemberSummary::connection),
                        text("User", 90, MemberSummary::userId),
                        text("Delivered", 75, m -> String.valueOf(m.delivered())),
                        text("Out of order", 90, m -> String.valueOf(m.outOfOrder())),
                        text("Missed", 70, m -> String.valueOf(m.missed())),
                        text("p50 ms", 70, m -> ms(m.p50Millis())),
                        text("p99 ms", 70, m -> ms(m.p99Millis()))));
        members.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MemberSummary m, boolean empty) {
                super.updateItem(m, empty);
                pseudoClassStateChanged(MISSED, !empty && m != null && m.missed() > 0);
            }
        });
        beliefs.setId("matrixBeliefs");
        beliefs.setPlaceholder(new Label("No member in a group yet"));
        beliefs.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Belief b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : describe(b));
                pseudoClassStateChanged(
                        DIVERGES, !empty && b != null && !b.divergences().isEmpty());
            }
        });
        VBox lower = new VBox(4, new Label("Per member"), members, new Label("What each member believes"), beliefs);
        VBox.setVgrow(beliefs, Priority.ALWAYS);
        members.setMinHeight(130);
        members.setPrefHeight(140);
        beliefs.setMinHeight(70);
        SplitPane split = new SplitPane(rows, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setTop(title);
        setCenter(split);
    }

    static String describe(Belief b) {
        StringBuilder s = new StringBuilder(b.connection() + " (" + b.userId() + ") in " + b.groupId() + " sees "
                + (b.sees().isEmpty() ? "nobody" : String.join(", ", b.sees())));
        for (Divergence d : b.divergences()) {
            s.append(" · ⚠ ")
                    .append(d.kind().equals("MISSING") ? "has no " : "still sees ")
                    .append(d.userId());
            if (d.sinceMillis() > 0) {
                s.append(" since ").append(TIME.format(Instant.ofEpochMilli(d.sinceMillis())));
            }
        }
        return s.toString();
    }

    private void initListeners() {
        feed.viewProperty().addListener((o, a, v) -> show(v));
        feed.sourceProperty().addListener((o, a, s) -> title.setText("Delivery matrix · " + s));
        title.setText("Delivery matrix · " + feed.sourceProperty().get());
        show(feed.viewProperty().get()); // made when its tab is first shown, possibly mid-run
    }

    private void show(MatrixView v) {
        if (v == null) {
            return;
        }
        // a column's title names its member once the handshake did: rebuild when a title changes
        List<String> titles = v.columns().stream().map(c -> title(c, v)).toList();
        if (!titles.equals(columns)) {
            columns = titles;
            List<TableColumn<Row, ?>> cols = new ArrayList<>();
            cols.add(text("Time", 120, r -> TIME.format(Instant.ofEpochMilli(r.wallMillis()))));
            cols.add(text("From", 90, r -> r.sourceConnection() + " " + r.sender()));
            cols.add(text("Event", 120, Row::event));
            for (String c : v.columns()) {
                cols.add(cellColumn(c, v));
            }
            rows.getColumns().setAll(cols);
        }
        // newest first: what just happened is what the user is asking about
        List<Row> newestFirst = new ArrayList<>(v.rows());
        Collections.reverse(newestFirst);
        rows.getItems().setAll(newestFirst);
        members.getItems().setAll(v.members());
        beliefs.getItems().setAll(v.beliefs());
    }

    private static TableColumn<Row, String> cellColumn(String conn, MatrixView v) {
        TableColumn<Row, String> col = new TableColumn<>(title(conn, v));
        col.setPrefWidth(110);
        col.setSortable(false);
        col.setCellValueFactory(
                cd -> new ReadOnlyObjectWrapper<>(cellText(cd.getValue().cell(conn))));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : t);
                pseudoClassStateChanged(MISSED, !empty && t != null && t.startsWith("✗"));
                pseudoClassStateChanged(LATE, !empty && t != null && t.startsWith("↯"));
            }
        });
        return col;
    }

    private static String title(String conn, MatrixView v) {
        MemberSummary m = v.member(conn);
        return conn + (m != null && m.userId() != null ? " " + m.userId() : "");
    }

    static String cellText(Cell c) {
        if (c == null) {
            return ""; // the sender's own column, or not in the group
        }
        return switch (c.status()) {
            case DELIVERED -> "✓ " + ms(c.latencyMillis()) + " ms";
            case OUT_OF_ORDER -> "↯ " + ms(c.latencyMillis()) + " ms";
            case PENDING -> "…";
            case MISSED -> "✗ missed";
        };
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static <T> TableColumn<T, String> text(String name, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }
}
