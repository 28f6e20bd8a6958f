package io.studycollab.debugger.canvas;

import atlantafx.base.theme.Styles;
import io.studycollab.debugger.presence.ToolIcons;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Our tools: picking one sends {@code tool:change}. A column that wraps into a second one when the
 * board is too short for all of them (at 1024×700 the sixth tool was cut off under the log).
 */
public final class ToolPalette extends FlowPane {

    private final ToggleGroup group = new ToggleGroup();

    public ToolPalette(Consumer<String> onTool) {
        createView();
        initListeners(onTool);
    }

    private void createView() {
        setOrientation(Orientation.VERTICAL);
        setVgap(4);
        setHgap(4);
        setPadding(new Insets(6));
        setAlignment(Pos.TOP_LEFT);
        setColumnHalignment(HPos.CENTER);
        getStyleClass().add("tool-palette");
        for (String tool : ToolIcons.TOOLS) {
            ToggleButton b = new ToggleButton(null, new FontIcon(ToolIcons.icon(tool)));
            b.setId("tool-" + tool);
            b.setToggleGroup(group);
            b.getStyleClass().add(Styles.BUTTON_ICON);
            b.setTooltip(new Tooltip(tool));
            b.setUserData(tool);
            getChildren().add(b);
        }
    }

    private void initListeners(Consumer<String> onTool) {
        group.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                old.setSelected(true); // always one tool
            } else {
                onTool.accept((String) t.getUserData());
            }
        });
    }

    public void select(String tool) {
        group.getToggles().stream()
                .filter(t -> tool.equals(t.getUserData()))
                .findFirst()
                .ifPresent(t -> t.setSelected(true));
    }
}
