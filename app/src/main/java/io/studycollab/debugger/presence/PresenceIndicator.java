package io.studycollab.debugger.presence;

import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.Payloads;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** Avatars of the group's members, at most {@code maxVisible} and a "+N" for the rest. */
public final class PresenceIndicator extends HBox {

    private static final int TOOLTIP_NAMES = 30;

    private final ObservableList<Member> members;
    private final Function<String, Payloads.Cursor> cursors;
    private final IntegerProperty maxVisible = new SimpleIntegerProperty(8);
    private final BooleanProperty showCursors = new SimpleBooleanProperty(true);
    private final BooleanProperty showTools = new SimpleBooleanProperty(true);
    private final List<AvatarView> avatars = new ArrayList<>();
    private final StringProperty selfId = new SimpleStringProperty();
    private final Label none = new Label("nobody here yet");
    private final Label more = new Label();

    /** {@code cursors} looks up a member's latest cursor (read when a tooltip opens). */
    public PresenceIndicator(ObservableList<Member> members, Function<String, Payloads.Cursor> cursors) {
        this.members = members;
        this.cursors = cursors;
        createView();
        initListeners();
        render();
    }

    private void createView() {
        none.getStyleClass().add("text-muted");
        more.setId("presenceOverflow");
        more.getStyleClass().add("presence-overflow");
        Tooltip tooltip = new Tooltip();
        tooltip.setOnShowing(e -> {
            int from = Math.min(members.size(), Math.max(0, maxVisible.get()));
            int to = Math.min(members.size(), from + TOOLTIP_NAMES);
            String names = String.join(
                    "\n",
                    members.subList(from, to).stream().map(Member::displayName).toList());
            tooltip.setText(to < members.size() ? names + "\n… and " + (members.size() - to) + " more" : names);
        });
        more.setTooltip(tooltip);
        setSpacing(4);
        setAlignment(Pos.CENTER_LEFT);
        setId("presenceIndicator");
        getStyleClass().add("presence-indicator");
    }

    private void initListeners() {
        members.addListener((ListChangeListener<Member>) c -> {
            // Changes past the visible avatars only alter the "+N" list, which is built when shown.
            while (c.next()) {
                if (c.wasAdded() != c.wasRemoved()
                        || c.getAddedSize() != c.getRemovedSize()
                        || c.getFrom() < maxVisible.get()) {
                    render();
                    return;
                }
            }
        });
        maxVisible.addListener((o, a, b) -> render());
        showCursors.addListener((o, a, b) -> render());
        showTools.addListener((o, a, b) -> render());
        selfId.addListener((o, a, b) -> render());
    }

    private void render() {
        if (members.isEmpty()) {
            getChildren().setAll(none);
            return;
        }
        int shown = Math.min(members.size(), Math.max(0, maxVisible.get()));
        while (avatars.size() < shown) {
            avatars.add(new AvatarView(showTools::get, showCursors::get, cursors));
        }
        List<Node> children = new ArrayList<>(shown + 1);
        for (int i = 0; i < shown; i++) {
            avatars.get(i).show(members.get(i), selfId.get());
            children.add(avatars.get(i));
        }
        int rest = members.size() - shown;
        if (rest > 0) {
            more.setText("+" + rest);
            children.add(more);
        }
        // Only when the set of nodes differs: re-adding the same ones would restyle them all.
        if (!getChildren().equals(children)) {
            getChildren().setAll(children);
        }
    }

    /** Who "you" are: your avatar has your own colour, which nobody else gets. */
    public StringProperty selfIdProperty() {
        return selfId;
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
