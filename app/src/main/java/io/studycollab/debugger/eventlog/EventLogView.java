package io.studycollab.debugger.eventlog;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every event in a virtualized table under a wrapping filter bar; pausable without losing events;
 * high-frequency runs collapsible into one row each; a per-name rate summary with quick toggles;
 * "follow newest" that stops when a row is selected (until scrolled back to the bottom); filters
 * that keep the selection when it still matches; the detail pane opens on a selection.
 */
public final class EventLogView extends BorderPane {

    private final EventLogModel model;
    private final EventTable table = new EventTable();
    private final LogFilterBar filters;
    private final ToggleButton pause = new ToggleButton("Pause", new FontIcon(Feather.PAUSE));
    private final CheckBox follow = new CheckBox("follow");
    private final ToggleButton collapse = new ToggleButton("Collapse", new FontIcon(Feather.LAYERS));
    private final Button rates = new Button(null, new FontIcon(Feather.BAR_CHART_2));
    private final Button lastSent = new Button(null, new FontIcon(Feather.SEND));
    private final Label counts = new Label();
    private final Spinner<Integer> limit = new Spinner<>(100, 1_000_000, 10_000, 1_000);
    private final EventDetailView detail = new EventDetailView();
    private final SplitPane split = new SplitPane();
    private final ObservableList<EventRecord> collapsedRows = FXCollections.observableArrayList();
    private final Set<Long> expanded = new HashSet<>();
    private final RateSummaryView summary;
    private final PopOver summaryPopOver;
    private boolean restoring;
    // The row the user chose: kept through filters that hide it for a while (typing "bot-2" goes
    // through "b", "bo"... which match nothing) and selected again when it is back.
    private EventRecord kept;

    public EventLogView(EventLogModel model) {
        this.model = model;
        this.filters = new LogFilterBar(
                f -> keepingSelection(() -> model.filterProperty().set(f)), model.connectionProperty());
        this.summary = new RateSummaryView(model.hiddenNames(), this::setNameShown);
        this.summaryPopOver = new PopOver(summary);
        createView();
        initListeners();
    }

    private void createView() {
        setId("eventLog");
        getStyleClass().add("event-log");
        pause.setId("pauseLog");
        follow.setId("followLog");
        follow.setSelected(true);
        follow.setTooltip(new Tooltip(
                "Keep the newest event in view; selecting a row stops it until you" + " scroll back to the bottom"));
        collapse.setId("collapseRuns");
        collapse.setTooltip(new Tooltip("One row per run of the same event from the same sender, with its"
                + " count and rate (double-click a run or press Enter to expand it)"));
        rates.setId("rateSummaryButton");
        rates.setTooltip(new Tooltip("Events per second by name and sender; hide names from the log"));
        lastSent.setId("lastSent");
        lastSent.setTooltip(new Tooltip("Select the last event you sent (➤ rows)"));
        limit.setId("logLimit");
        limit.setEditable(true);
        limit.setPrefWidth(112);
        limit.setTooltip(new Tooltip("How many events the log keeps"));
        counts.setId("logCounts");
        counts.getStyleClass().add(Styles.TEXT_MUTED);
        Label keep = new Label("keep");
        HBox keepBox = new HBox(4, keep, limit);
        keepBox.setAlignment(Pos.CENTER_LEFT);
        pause.setTooltip(new Tooltip("Freeze the log; events wait and none are lost"));
        for (Node n : new Node[] {pause, collapse, rates, lastSent}) {
            n.getStyleClass().add(Styles.SMALL);
        }
        filters.addControls(pause, follow, collapse, rates, lastSent, keepBox, counts);
        filters.setPadding(new Insets(6));
        summaryPopOver.setTitle("Event rates");
        summaryPopOver.setHeaderAlwaysVisible(true);
        summaryPopOver.setDetachable(false);
        summaryPopOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_CENTER);
        table.setItems(model.visible());
        split.setOrientation(Orientation.HORIZONTAL);
        split.getItems().setAll(table);
        setTop(filters);
        setCenter(split);
    }

    private void initListeners() {
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.selectedProperty().addListener((o, a, p) -> {
            pause.setText(p ? "Resume" : "Pause");
            pause.setGraphic(new FontIcon(p ? Feather.PLAY : Feather.PAUSE));
        });
        limit.valueProperty().addListener((o, a, n) -> model.limitProperty().set(n));
        model.visible().addListener((ListChangeListener<EventRecord>) c -> {
            if (collapse.isSelected()) {
                keepingSelection(this::collapseRows);
            }
            updateCounts();
            followNewest();
            if (summaryPopOver.isShowing()) {
                summary.show(RateSummary.of(model.all(), RateSummaryView.WINDOW_MILLIS));
            }
        });
        model.pendingProperty().addListener((o, a, b) -> updateCounts());
        collapse.selectedProperty()
                .addListener((o, a, on) -> keepingSelection(() -> {
                    expanded.clear();
                    if (on) {
                        collapseRows();
                        table.setItems(collapsedRows);
                    } else {
                        table.showRuns(new IdentityHashMap<>());
                        table.setItems(model.visible());
                    }
                }));
        follow.selectedProperty().addListener((o, a, on) -> followNewest());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                detail.show(r);
                if (!split.getItems().contains(detail)) {
                    split.getItems().add(detail);
                    split.setDividerPositions(0.66);
                }
                if (!restoring) {
                    kept = r;
                    follow.setSelected(false); // as in Chrome: looking at a row stops following
                }
            }
        });
        detail.setOnClose(this::closeDetail);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeDetail();
            } else if (e.getCode() == KeyCode.ENTER) {
                toggleRun(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                toggleRun(table.getSelectionModel().getSelectedItem());
            }
        });
        table.skinProperty().addListener((o, a, skin) -> watchScrolling());
        rates.setOnAction(e -> {
            summary.show(RateSummary.of(model.all(), RateSummaryView.WINDOW_MILLIS));
            summaryPopOver.show(rates);
        });
        lastSent.setOnAction(e -> selectLastSent());
    }

    /** Scrolled back down to the newest row: follow again. */
    private void watchScrolling() {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((o, was, now) -> {
                    if (!follow.isSelected()
                            && now.doubleValue() > was.doubleValue()
                            && now.doubleValue() >= bar.getMax() - 1e-9) {
                        follow.setSelected(true);
                    }
                });
            }
        }
    }

    private void followNewest() {
        if (follow.isSelected() && !table.getItems().isEmpty()) {
            table.scrollTo(table.getItems().size() - 1);
        }
    }

    private void collapseRows() {
        RunCollapser.Result r = RunCollapser.collapse(model.visible(), expanded);
        collapsedRows.setAll(r.rows());
        table.showRuns(r.runs());
    }

    private void toggleRun(EventRecord r) {
        RunCollapser.Run run = table.runOf(r);
        if (run == null) {
            return;
        }
        if (!expanded.remove(run.first().seq())) {
            expanded.add(run.first().seq());
        }
        keepingSelection(this::collapseRows);
    }

    private void setNameShown(String name, boolean shown) {
        keepingSelection(() -> {
            if (shown) {
                model.hiddenNames().remove(name);
            } else {
                model.hiddenNames().add(name);
            }
        });
    }

    /** Runs a change of what is shown, then selects the same event again if it is still there. */
    private void keepingSelection(Runnable change) {
        EventRecord selected = kept;
        change.run();
        if (selected == null || table.getSelectionModel().getSelectedItem() == selected) {
            return;
        }
        List<EventRecord> rows = table.getItems();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) == selected) {
                restoring = true;
                try {
                    table.getSelectionModel().clearAndSelect(i);
                    if (!follow.isSelected()) {
                        table.scrollTo(Math.max(0, i - 3));
                    }
                } finally {
                    restoring = false;
                }
                return;
            }
        }
    }

    private void selectLastSent() {
        List<EventRecord> rows = table.getItems();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).direction() == Direction.OUT) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 3));
                table.requestFocus();
                kept = rows.get(i);
                return;
            }
        }
        counts.setText("nothing sent yet · " + counts.getText());
    }

    private void closeDetail() {
        kept = null;
        table.getSelectionModel().clearSelection();
        detail.show(null);
        split.getItems().remove(detail);
    }

    private void updateCounts() {
        String s = model.visible().size() + " shown of " + model.all().size();
        if (collapse.isSelected()) {
            s = table.getItems().size() + " rows · " + s;
        }
        if (model.pendingProperty().get() > 0) {
            s += " · " + model.pendingProperty().get() + " waiting (paused)";
        }
        counts.setText(s);
    }

    public TableView<EventRecord> table() {
        return table;
    }

    /** Whether the newest row is kept in view. */
    public BooleanProperty followProperty() {
        return follow.selectedProperty();
    }

    /** Whether runs of one event from one sender are collapsed into one row. */
    public BooleanProperty collapseProperty() {
        return collapse.selectedProperty();
    }
}
