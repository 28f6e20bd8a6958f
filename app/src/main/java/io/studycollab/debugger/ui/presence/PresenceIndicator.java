package io.studycollab.debugger.ui.presence;

import io.studycollab.realtime.presence.Member;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** Avatars of the group's members, at most {@code maxVisible} and a "+N" for the rest. */
public final class PresenceIndicator extends HBox {

    private final ObservableList<Member> members;
    private final IntegerProperty maxVisible = new SimpleIntegerProperty(8);
    private final BooleanProperty showCursors = new SimpleBooleanProperty(true);
    private final BooleanProperty showTools = new SimpleBooleanProperty(true);

    public PresenceIndicator(ObservableList<Member> members) {
        this.members = members;
        setSpacing(4);
        setAlignment(Pos.CENTER_LEFT);
        setId("presenceIndicator");
        getStyleClass().add("presence-indicator");
        members.addListener((ListChangeListener<Member>) c -> render());
        maxVisible.addListener((o, a, b) -> render());
        showCursors.addListener((o, a, b) -> render());
        showTools.addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        getChildren().clear();
        if (members.isEmpty()) {
            Label none = new Label("nobody here yet");
            none.getStyleClass().add("text-muted");
            getChildren().add(none);
            return;
        }
        int shown = Math.min(members.size(), Math.max(0, maxVisible.get()));
        for (int i = 0; i < shown; i++) {
            getChildren().add(new AvatarView(members.get(i), showTools.get(), showCursors.get()));
        }
        int rest = members.size() - shown;
        if (rest > 0) {
            Label more = new Label("+" + rest);
            more.setId("presenceOverflow");
            more.getStyleClass().add("presence-overflow");
            List<String> names = members.subList(shown, members.size()).stream().map(Member::displayName).toList();
            more.setTooltip(new Tooltip(String.join("\n", names)));
            getChildren().add(more);
        }
    }

    public IntegerProperty maxVisibleProperty() {
        return maxVisible;
    }

    public BooleanProperty showCursorsProperty() {
        return showCursors;
    }

    public BooleanProperty showToolsProperty() {
        return showTools;
    }
}
