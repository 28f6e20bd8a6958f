package io.studycollab.debugger.eventlog;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.studycollab.debugger.fx.UserColors;
import io.studycollab.realtime.admin.AdminRecords;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventCategory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The log's rows: time, direction, event (with "×N · R/s" when it stands for a collapsed run),
 * group, user (with their colour), size. Emitted rows are marked so they stand out; malformed and
 * not-in-the-contract rows say why in a tooltip. Columns are wide enough for their whole text.
 */
final class EventTable extends TableView<EventRecord> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private static final PseudoClass MALFORMED = PseudoClass.getPseudoClass("malformed");
    private static final PseudoClass OUTBOUND = PseudoClass.getPseudoClass("outbound");
    private static final PseudoClass LOCAL = PseudoClass.getPseudoClass("local");
    private static final PseudoClass RUN = PseudoClass.getPseudoClass("run");
    private static final PseudoClass SERVER_SIDE = PseudoClass.getPseudoClass("server-side");

    private Map<EventRecord, RunCollapser.Run> runs = new IdentityHashMap<>();

    EventTable() {
        createView();
    }

    private void createView() {
        setId("logTable");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        setPlaceholder(new Label("No events (yet, or none match the filter)"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<EventRecord, String> time =
                column("Time", fits("00:00:00.000"), r -> TIME.format(Instant.ofEpochMilli(r.wallMillis())));
        TableColumn<EventRecord, String> dir = column(
                "Dir",
                fits("server"),
                r -> AdminRecords.isAdminRecord(r) ? "server" : r.direction().wire());
        TableColumn<EventRecord, String> event = column("Event", 230, this::eventText);
        event.setMinWidth(fits("user:cursor:updated"));
        TableColumn<EventRecord, String> group = column("Group", 70, r -> r.groupId() == null ? "" : r.groupId());
        TableColumn<EventRecord, String> usr = column("User", 90, r -> r.userId() == null ? "" : r.userId());
        usr.setCellFactory(c -> new UserCell());
        TableColumn<EventRecord, String> size = column("Size", fits("10000 B"), r -> r.sizeBytes() + " B");
        // The proxied connection (c1, c2, …) a record passed through; empty for our own socket.
        TableColumn<EventRecord, String> conn = column(
                "Conn",
                fits("Conn"),
                r -> r.packet().connection() == null ? "" : r.packet().connection());
        conn.setMinWidth(conn.getPrefWidth());
        time.setMinWidth(time.getPrefWidth()); // the Conn column must not squeeze the time into "06:23:50.2…"
        getColumns().setAll(List.of(time, dir, conn, event, group, usr, size));
        // One row height for all: without it the table measures rows to estimate its scroll range,
        // which, following the newest of thousands of rows 10 times a second, was most of an idle frame.
        setFixedCellSize(Math.ceil(Font.getDefault().getSize() * 2));
        setRowFactory(t -> new Row());
    }

    private String eventText(EventRecord r) {
        String mark = r.malformed() ? "⚠ " : r.category() == EventCategory.OTHER ? "◇ " : "";
        String sent = r.direction() == Direction.OUT ? "➤ " : "";
        RunCollapser.Run run = runs.get(r);
        if (run == null) {
            return sent + mark + r.name();
        }
        String rate = run.perSecond() > 0 ? String.format(" · %.0f/s", run.perSecond()) : "";
        return (run.expanded() ? "▾ " : "▸ ") + sent + mark + r.name() + "  ×" + run.count() + rate;
    }

    /** The runs the rows stand for (empty when not collapsing); the rows are redrawn. */
    void showRuns(Map<EventRecord, RunCollapser.Run> runs) {
        this.runs = runs;
        refresh();
    }

    /** The run {@code r} stands for, or null. */
    RunCollapser.Run runOf(EventRecord r) {
        return r == null ? null : runs.get(r);
    }

    /** A column width that shows {@code text} whole, in the bold of our own rows and past their 3 px accent bar. */
    private static double fits(String text) {
        Text t = new Text(text);
        Font f = Font.getDefault();
        t.setFont(Font.font(f.getFamily(), FontWeight.BOLD, f.getSize()));
        return Math.ceil(t.getLayoutBounds().getWidth()) + 24 + 3;
    }

    private static TableColumn<EventRecord, String> column(
            String title, double width, Function<EventRecord, String> value) {
        TableColumn<EventRecord, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    private final class Row extends TableRow<EventRecord> {
        @Override
        protected void updateItem(EventRecord r, boolean empty) {
            super.updateItem(r, empty);
            boolean some = !empty && r != null;
            boolean bad = some && r.malformed();
            // Pseudo-classes, not style classes: switching them does not rebuild the row's styles.
            pseudoClassStateChanged(MALFORMED, bad);
            pseudoClassStateChanged(OUTBOUND, !bad && some && r.direction() == Direction.OUT);
            pseudoClassStateChanged(LOCAL, !bad && some && r.direction() == Direction.LOCAL);
            pseudoClassStateChanged(RUN, some && runs.containsKey(r));
            // What the server's admin namespace reported, not what our socket received.
            pseudoClassStateChanged(SERVER_SIDE, !bad && some && AdminRecords.isAdminRecord(r));
            if (bad) {
                setTooltip(new Tooltip("Malformed: " + r.problem()));
            } else if (some && runs.containsKey(r)) {
                setTooltip(new Tooltip("Double-click or Enter: show or hide every event of this run"));
            } else if (some && r.category() == EventCategory.OTHER) {
                setTooltip(new Tooltip("Not in the StudyCollab contract (recorded as it came)"));
            } else if (getTooltip() != null) {
                setTooltip(null);
            }
        }
    }

    private static final class UserCell extends TableCell<EventRecord, String> {
        // Made once per cell: an inline style per update would restyle the cell on every scroll.
        private final Circle dot = new Circle(4);

        @Override
        protected void updateItem(String v, boolean empty) {
            super.updateItem(v, empty);
            boolean none = empty || v == null || v.isEmpty();
            setText(none ? null : v);
            if (!none) {
                dot.setFill(UserColors.of(v));
            }
            setGraphic(none ? null : dot);
        }
    }
}
