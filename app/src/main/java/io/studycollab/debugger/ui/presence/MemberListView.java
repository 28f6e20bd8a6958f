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
        setCellFactory(v -> new MemberCell());
    }

    /** One row, its nodes made once and refilled: new nodes per update would each need styling. */
    private static final class MemberCell extends ListCell<Member> {

        private final Circle dot = new Circle(6);
        private final Label name = new Label();
        private final Label id = new Label();
        private final FontIcon toolIcon = new FontIcon();
        private final Label tool = new Label("", toolIcon);
        private final HBox row;

        MemberCell() {
            name.getStyleClass().add("text-bold");
            id.getStyleClass().addAll("text-small", "text-muted");
            tool.getStyleClass().add("text-small");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row = new HBox(8, dot, new VBox(1, name, id), spacer, tool);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Member m, boolean empty) {
            super.updateItem(m, empty);
            setText(null);
            if (empty || m == null) {
                setGraphic(null);
                return;
            }
            dot.setFill(UserColors.of(m.userId()));
            name.setText(m.displayName());
            id.setText(m.userId() + (m.active() ? " · active" : " · inactive"));
            toolIcon.setIconCode(ToolIcons.icon(m.currentTool()));
            tool.setText(m.currentTool() == null ? "" : m.currentTool());
            row.setOpacity(m.active() ? 1 : 0.6);
            setGraphic(row);
        }
    }
}
