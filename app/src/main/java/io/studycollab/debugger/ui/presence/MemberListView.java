package io.studycollab.debugger.ui.presence;

import io.studycollab.debugger.fx.UserColors;
import io.studycollab.realtime.presence.Member;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/** The group's members as a list: colour, name, id, activity, tool. */
public final class MemberListView extends ListView<Member> {

    public MemberListView(ObservableList<Member> members) {
        super(members);
        setId("memberList");
        setPlaceholder(new Label("Join a group to see its members"));
        setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Member m, boolean empty) {
                super.updateItem(m, empty);
                if (empty || m == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Circle dot = new Circle(6, UserColors.of(m.userId()));
                Label name = new Label(m.displayName());
                name.getStyleClass().add("text-bold");
                Label id = new Label(m.userId() + (m.active() ? " · active" : " · inactive"));
                id.getStyleClass().addAll("text-small", "text-muted");
                VBox text = new VBox(1, name, id);
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                FontIcon tool = new FontIcon(ToolIcons.icon(m.currentTool()));
                Label toolLabel = new Label(m.currentTool() == null ? "" : m.currentTool(), tool);
                toolLabel.getStyleClass().add("text-small");
                HBox row = new HBox(8, dot, text, spacer, toolLabel);
                row.setAlignment(Pos.CENTER_LEFT);
                row.setOpacity(m.active() ? 1 : 0.6);
                setGraphic(row);
                setText(null);
            }
        });
    }
}
