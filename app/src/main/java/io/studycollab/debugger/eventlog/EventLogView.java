package io.studycollab.debugger.eventlog;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.studycollab.debugger.fx.UserColors;
import io.studycollab.realtime.admin.AdminRecords;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventFilter;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventCategory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every event in a virtualized table, filtered by text, name (glob or /regex/), category,
 * direction, user, malformed-only and proxied connection (the Proxy tab's lanes set it too);
 * pausable without losing events; a detail pane with the payload as a JSON tree and raw text.
 */
public final class EventLogView extends BorderPane {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private static final PseudoClass MALFORMED = PseudoClass.getPseudoClass("malformed");
    private static final PseudoClass OUTBOUND = PseudoClass.getPseudoClass("outbound");
    private static final PseudoClass LOCAL = PseudoClass.getPseudoClass("local");
    private static final PseudoClass SERVER_SIDE = PseudoClass.getPseudoClass("server-side");

    private final EventLogModel model;
    private final TableView<EventRecord> table = new TableView<>();
    private final TextField text = new TextField();
    private final TextField name = new TextField();
    private final TextField user = new TextField();
    private final TextField conn = new TextField();
    private final CheckComboBox<EventCategory> categories = new CheckComboBox<>();
    private final ToggleButton in = new ToggleButton("in");
    private final ToggleButton out = new ToggleButton("out");
    private final ToggleButton local = new ToggleButton("local");
    private final CheckBox malformedOnly = new CheckBox("malformed");
    private final ToggleButton pause = new ToggleButton("Pause", new FontIcon(Feather.PAUSE));
    private final CheckBox follow = new CheckBox("follow newest");
    private final Label counts = new Label();
    private final Label filterProblem = new Label();
    private final Spinner<Integer> limit = new Spinner<>(100, 1_000_000, 10_000, 1_000);
    private final EventDetailView detail = new EventDetailView();

    public EventLogView(EventLogModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        setId("eventLog");
        getStyleClass().add("event-log");
        text.setId("logText");
        text.setPromptText("search text");
        text.setPrefColumnCount(10);
        name.setId("logName");
        name.setPromptText("name: user:*  or /regex/");
        name.setPrefColumnCount(11);
        user.setId("logUser");
        user.setPromptText("user id");
        user.setPrefColumnCount(7);
        conn.setId("logConn");
        conn.setPromptText("conn: all");
        conn.setPrefColumnCount(5);
        conn.setTooltip(new Tooltip("Only one proxied connection (c1, c2, …); in and out are its down and up"));
        categories.getItems().setAll(EventCategory.values());
        categories.setId("logCategories");
        categories.setTitle("categories");
        categories.setShowCheckedCount(true);
        for (ToggleButton t : new ToggleButton[] {in, out, local}) {
            t.setSelected(true);
            t.getStyleClass().add(Styles.SMALL);
            t.setId("dir-" + t.getText());
        }
        malformedOnly.setId("malformedOnly");
        pause.setId("pauseLog");
        limit.setId("logLimit");
        limit.setEditable(true);
        limit.setPrefWidth(110);
        limit.setTooltip(new Tooltip("How many events the log keeps"));
        counts.setId("logCounts");
        counts.getStyleClass().add("text-muted");
        filterProblem.getStyleClass().add(Styles.DANGER);
        HBox filters = new HBox(
                6,
                new FontIcon(Feather.FILTER),
                text,
                name,
                categories,
                in,
                out,
                local,
                user,
                malformedOnly,
                filterProblem);
        filters.setAlignment(Pos.CENTER_LEFT);
        follow.setId("followLog");
        follow.setSelected(true);
        HBox controls = new HBox(6, pause, follow, new Label("keep"), limit, conn, counts);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, filters, controls);
        top.setPadding(new Insets(6));

        table.setId("logTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setPlaceholder(new Label("No events (yet, or none match the filter)"));
        table.setItems(model.visible());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<EventRecord, String> time =
                column("Time", 95, r -> TIME.format(Instant.ofEpochMilli(r.wallMillis())));
        TableColumn<EventRecord, String> dir = column(
                "Dir",
                50,
                r -> AdminRecords.isAdminRecord(r) ? "server" : r.direction().wire());
        TableColumn<EventRecord, String> event = column(
                "Event", 200, r -> (r.malformed() ? "⚠ " : r.category() == EventCategory.OTHER ? "◇ " : "") + r.name());
        TableColumn<EventRecord, String> group = column("Group", 80, r -> r.groupId() == null ? "" : r.groupId());
        TableColumn<EventRecord, String> usr = column("User", 90, r -> r.userId() == null ? "" : r.userId());
        usr.setCellFactory(c -> new TableCell<>() {
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
        });
        TableColumn<EventRecord, String> size = column("Size", 60, r -> r.sizeBytes() + " B");
        TableColumn<EventRecord, String> cn = column(
                "Conn",
                58,
                r -> r.packet().connection() == null ? "" : r.packet().connection());
        cn.setMinWidth(58);
        time.setMinWidth(95); // the narrow Conn column must not squeeze the time into "06:23:50.2…"
        table.getColumns().setAll(List.of(time, dir, cn, event, group, usr, size));
        // One row height for all: without it the table measures rows to estimate its scroll range,
        // which, following the newest of thousands of rows 10 times a second, was most of an idle frame.
        table.setFixedCellSize(Math.ceil(Font.getDefault().getSize() * 2));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EventRecord r, boolean empty) {
                super.updateItem(r, empty);
                boolean bad = !empty && r != null && r.malformed();
                // Pseudo-classes, not style classes: switching them does not rebuild the row's styles.
                pseudoClassStateChanged(MALFORMED, bad);
                pseudoClassStateChanged(OUTBOUND, !bad && !empty && r != null && r.direction() == Direction.OUT);
                pseudoClassStateChanged(LOCAL, !bad && !empty && r != null && r.direction() == Direction.LOCAL);
                // What the server's admin namespace reported, not what our socket received.
                pseudoClassStateChanged(SERVER_SIDE, !bad && !empty && r != null && AdminRecords.isAdminRecord(r));
                if (bad) {
                    setTooltip(new Tooltip("Malformed: " + r.problem()));
                } else if (!empty && r != null && r.category() == EventCategory.OTHER) {
                    setTooltip(new Tooltip("Not in the StudyCollab contract (recorded as it came)"));
                } else if (getTooltip() != null) {
                    setTooltip(null);
                }
            }
        });

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        setTop(top);
        setCenter(split);
    }

    private static TableColumn<EventRecord, String> column(
            String title, double width, Function<EventRecord, String> value) {
        TableColumn<EventRecord, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    private void initListeners() {
        Runnable apply = this::applyFilter;
        text.textProperty().addListener((o, a, b) -> apply.run());
        name.textProperty().addListener((o, a, b) -> apply.run());
        user.textProperty().addListener((o, a, b) -> apply.run());
        malformedOnly.selectedProperty().addListener((o, a, b) -> apply.run());
        conn.textProperty().bindBidirectional(model.connectionProperty());
        for (ToggleButton t : new ToggleButton[] {in, out, local}) {
            t.selectedProperty().addListener((o, a, b) -> {
                if (!in.isSelected() && !out.isSelected() && !local.isSelected()) {
                    t.setSelected(true); // at least one direction: an empty log is never what was meant
                    return;
                }
                apply.run();
            });
        }
        categories.getCheckModel().getCheckedItems().addListener((ListChangeListener<EventCategory>) c -> apply.run());
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.selectedProperty().addListener((o, a, p) -> {
            pause.setText(p ? "Resume" : "Pause");
            pause.setGraphic(new FontIcon(p ? Feather.PLAY : Feather.PAUSE));
        });
        limit.valueProperty().addListener((o, a, n) -> model.limitProperty().set(n));
        model.visible().addListener((ListChangeListener<EventRecord>) c -> {
            updateCounts();
            if (follow.isSelected() && !model.visible().isEmpty()) {
                table.scrollTo(model.visible().size() - 1);
            }
        });
        model.pendingProperty().addListener((o, a, b) -> updateCounts());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> detail.show(r));
    }

    private void applyFilter() {
        try {
            String n = name.getText().trim();
            EventFilter f = EventFilter.all()
                    .withText(text.getText())
                    .withUser(user.getText())
                    .withMalformedOnly(malformedOnly.isSelected());
            f = n.length() > 1 && n.startsWith("/") && n.endsWith("/")
                    ? f.withNameRegex(n.substring(1, n.length() - 1))
                    : f.withNameGlob(n);
            Set<Direction> dirs = EnumSet.noneOf(Direction.class);
            if (in.isSelected()) {
                dirs.add(Direction.IN);
            }
            if (out.isSelected()) {
                dirs.add(Direction.OUT);
            }
            if (local.isSelected()) {
                dirs.add(Direction.LOCAL);
            }
            f = f.withDirections(dirs);
            Set<EventCategory> cats = EnumSet.noneOf(EventCategory.class);
            cats.addAll(categories.getCheckModel().getCheckedItems());
            f = f.withCategories(cats);
            filterProblem.setText("");
            model.filterProperty().set(f);
        } catch (IllegalArgumentException e) {
            filterProblem.setText(e.getMessage());
        }
    }

    private void updateCounts() {
        String s = model.visible().size() + " shown of " + model.all().size();
        if (model.pendingProperty().get() > 0) {
            s += " · " + model.pendingProperty().get() + " waiting (paused)";
        }
        counts.setText(s);
    }

    public TableView<EventRecord> table() {
        return table;
    }
}
