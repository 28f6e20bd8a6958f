package io.studycollab.debugger.presence;

import io.studycollab.debugger.fx.UserColors;
import io.studycollab.realtime.presence.Member;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
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

/**
 * The group's members as a list: colour, name, id, activity, tool. Its items are user ids, which
 * change only when people join or leave; a member who goes idle or switches tool has their row
 * redrawn in place, so the selection stays and nothing else is touched.
 */
public final class MemberListView extends ListView<String> {

    private final ObservableMap<String, Member> members;
    // The row showing each id, for redrawing it when that member changes.
    private final Map<String, MemberCell> rows = new HashMap<>();
    private final StringProperty selfId = new SimpleStringProperty();

    public MemberListView(ObservableList<String> ids, ObservableMap<String, Member> members) {
        super(ids);
        this.members = members;
        createView();
        initListeners();
    }

    private void createView() {
        setId("memberList");
        setPlaceholder(new Label("Join a group to see its members"));
        setCellFactory(v -> new MemberCell());
    }

    private void initListeners() {
        selfId.addListener((o, was, now) -> refresh());
        members.addListener((MapChangeListener<String, Member>) c -> {
            if (c.wasAdded()) {
                MemberCell row = rows.get(c.getKey());
                if (row != null && c.getKey().equals(row.getItem())) {
                    row.fill(c.getValueAdded());
                }
            }
        });
    }

    /** One row, its nodes made once and refilled: new nodes per update would each need styling. */
    /** Who "you" are: that row says "(you)" and has your own colour. */
    public StringProperty selfIdProperty() {
        return selfId;
    }

    private final class MemberCell extends ListCell<String> {

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
        protected void updateItem(String userId, boolean empty) {
            String before = getItem();
            super.updateItem(userId, empty);
            setText(null);
            if (before != null && rows.get(before) == this) {
                rows.remove(before);
            }
            Member m = empty || userId == null ? null : members.get(userId);
            if (m == null) {
                setGraphic(null);
                return;
            }
            rows.put(userId, this);
            fill(m);
        }

        void fill(Member m) {
            boolean you = m.userId().equals(selfId.get());
            dot.setFill(UserColors.of(m.userId(), selfId.get()));
            name.setText(you ? m.displayName() + " (you)" : m.displayName());
            id.setText(m.userId() + (m.active() ? " · active" : " · inactive"));
            toolIcon.setIconCode(ToolIcons.icon(m.currentTool()));
            tool.setText(m.currentTool() == null ? "" : m.currentTool());
            row.setOpacity(m.active() ? 1 : 0.6);
            setGraphic(row);
        }
    }
}
