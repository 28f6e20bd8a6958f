package io.studycollab.debugger.eventlog;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.ProtocolCodec;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The selected event: its payload as a tree and as raw JSON, and a button to copy it. */
final class EventDetailView extends VBox {

    private final TreeView<String> tree = new TreeView<>();
    private final TextArea raw = new TextArea();
    private final Label title = new Label("Select an event");
    private final Button copy = new Button("Copy JSON", new FontIcon(Feather.COPY));
    private final Button close = new Button(null, new FontIcon(Feather.X));
    private EventRecord shown;

    EventDetailView() {
        createView();
        initListeners();
    }

    private void createView() {
        tree.setId("payloadTree");
        tree.setShowRoot(true);
        raw.setId("payloadRaw");
        raw.setEditable(false);
        raw.setWrapText(true);
        raw.getStyleClass().add("monospace");
        copy.setId("copyJson");
        copy.setDisable(true);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        TabPane tabs = new TabPane(new Tab("Tree", tree), new Tab("Raw", raw));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        setSpacing(6);
        setPadding(new Insets(6));
        close.setId("closeDetail");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setTooltip(new Tooltip("Close the detail (Esc)"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        title.setMinWidth(0);
        getChildren().addAll(new HBox(6, title, gap, close), copy, tabs);
        setMinWidth(200);
    }

    private void initListeners() {
        copy.setOnAction(e -> {
            if (shown != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(asJson(shown));
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
    }

    /** What the close button does. */
    void setOnClose(Runnable action) {
        close.setOnAction(e -> action.run());
    }

    /** Shows {@code r}, or the hint when nothing is selected. */
    void show(EventRecord r) {
        shown = r;
        copy.setDisable(r == null);
        if (r == null) {
            title.setText("Select an event");
            tree.setRoot(null);
            raw.clear();
            return;
        }
        title.setText("#" + r.seq() + " " + r.direction().wire() + " " + r.name()
                + (r.malformed() ? "\nMalformed: " + r.problem() : "")
                + (r.category() == EventCategory.OTHER ? "\nNot in the contract" : "")
                + (r.packet().argumentsAsArray()
                        ? "\n" + r.packet().argCount() + " arguments (payload lists them all)"
                        : ""));
        tree.setRoot(JsonTree.of("payload", r.payload()));
        tree.getRoot().setExpanded(true);
        raw.setText(
                r.payload() == null
                        ? ""
                        : ProtocolCodec.mapper().valueToTree(r.payload()).toPrettyString());
    }

    static String asJson(EventRecord r) {
        ObjectNode o = ProtocolCodec.object()
                .put("seq", r.seq())
                .put("t", r.wallMillis())
                .put("dir", r.direction().wire())
                .put("event", r.name())
                .put("category", r.category().label());
        o.put("group", r.groupId());
        o.put("user", r.userId());
        o.put("size", r.sizeBytes());
        if (r.malformed()) {
            o.put("malformed", true).put("problem", r.problem());
        }
        o.set("data", r.payload());
        return o.toPrettyString();
    }
}
