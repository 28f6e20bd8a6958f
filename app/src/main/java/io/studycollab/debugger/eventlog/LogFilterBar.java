package io.studycollab.debugger.eventlog;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventFilter;
import io.studycollab.realtime.protocol.EventCategory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The log's filters (text, name glob or /regex/, categories, direction, user, malformed only,
 * proxied connection) and whatever controls the log adds after them, in a bar that wraps onto a second line when narrow
 * rather than cutting any of them short.
 */
final class LogFilterBar extends FlowPane {

    private final Consumer<EventFilter> apply;
    private final TextField text = new TextField();
    private final TextField name = new TextField();
    private final TextField user = new TextField();
    private final TextField conn = new TextField();
    private final CheckComboBox<EventCategory> categories = new CheckComboBox<>();
    private final ToggleButton in = new ToggleButton("in");
    private final ToggleButton out = new ToggleButton("out");
    private final ToggleButton local = new ToggleButton("local");
    private final CheckBox malformedOnly = new CheckBox("malformed");
    private final Label problem = new Label();

    /**
     * {@code apply} takes each new filter (the log keeps its selection around it); {@code connection}
     * is the model's proxied-connection choice, which the Proxy tab's lanes set too.
     */
    LogFilterBar(Consumer<EventFilter> apply, StringProperty connection) {
        this.apply = apply;
        createView();
        initListeners();
        conn.textProperty().bindBidirectional(connection);
    }

    private void createView() {
        setHgap(6);
        setVgap(4);
        setAlignment(Pos.CENTER_LEFT);
        setId("logFilters");
        text.setId("logText");
        text.setPromptText("search text");
        text.setPrefColumnCount(7);
        name.setId("logName");
        name.setPromptText("name: user:*, /re/");
        name.setTooltip(new Tooltip("Event name: a glob (user:*) or /regular expression/"));
        name.setPrefColumnCount(9);
        user.setId("logUser");
        user.setPromptText("user id");
        user.setPrefColumnCount(6);
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
        in.setTooltip(new Tooltip("Show events received"));
        out.setTooltip(new Tooltip("Show events we sent"));
        local.setTooltip(new Tooltip("Show what the client says about itself"));
        malformedOnly.setId("malformedOnly");
        problem.getStyleClass().add(Styles.DANGER);
        HBox dirs = new HBox(2, in, out, local);
        dirs.setAlignment(Pos.CENTER_LEFT);
        getChildren()
                .addAll(new FontIcon(Feather.FILTER), text, name, categories, dirs, user, conn, malformedOnly, problem);
        keepWhole(getChildren());
    }

    /** Adds controls after the filters (they wrap with them). */
    void addControls(Node... nodes) {
        getChildren().addAll(nodes);
        keepWhole(List.of(nodes));
    }

    // A control never shrinks below what shows its whole text: the bar wraps instead.
    private static void keepWhole(List<Node> nodes) {
        for (Node n : nodes) {
            if (n instanceof Control c && !(n instanceof TextField)) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    private void initListeners() {
        text.textProperty().addListener((o, a, b) -> apply());
        name.textProperty().addListener((o, a, b) -> apply());
        user.textProperty().addListener((o, a, b) -> apply());
        malformedOnly.selectedProperty().addListener((o, a, b) -> apply());
        for (ToggleButton t : new ToggleButton[] {in, out, local}) {
            t.selectedProperty().addListener((o, a, b) -> {
                if (!in.isSelected() && !out.isSelected() && !local.isSelected()) {
                    t.setSelected(true); // at least one direction: an empty log is never what was meant
                    return;
                }
                apply();
            });
        }
        categories.getCheckModel().getCheckedItems().addListener((ListChangeListener<EventCategory>) c -> apply());
    }

    private void apply() {
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
            problem.setText("");
            apply.accept(f);
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
    }
}
