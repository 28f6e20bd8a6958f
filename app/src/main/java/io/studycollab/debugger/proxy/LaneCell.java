package io.studycollab.debugger.proxy;

import io.studycollab.debugger.fx.UserColors;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * A lane's row: who (in their colour), socket id, transport, state and up/down counts; while a
 * packet of it is paused at a breakpoint the row says so with the seconds left before auto-release.
 */
final class LaneCell extends ListCell<ProxyLane> {

    static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

    private final ProxyModel model;
    private final Circle dot = new Circle(5);
    private final Label who = new Label();
    private final Label details = new Label();
    private final Label pause = new Label();
    private final VBox box;

    LaneCell(ProxyModel model) {
        this.model = model;
        who.getStyleClass().add("lane-who");
        details.getStyleClass().add("text-muted");
        pause.getStyleClass().add("lane-paused");
        HBox top = new HBox(6, dot, who, pause);
        top.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(2, top, details);
    }

    @Override
    protected void updateItem(ProxyLane lane, boolean empty) {
        super.updateItem(lane, empty);
        if (empty || lane == null) {
            setGraphic(null);
            pseudoClassStateChanged(PAUSED, false);
            return;
        }
        dot.setFill(UserColors.of(lane.userId() == null ? lane.id() : lane.userId()));
        who.setText(lane.id() + " · " + lane.who());
        details.setText("sid " + (lane.sid() == null ? "…" : lane.sid()) + " · " + lane.transport() + " · "
                + (lane.open() ? "open" : "closed") + " · ↑" + lane.up() + " ↓" + lane.down());
        boolean paused = lane.paused() > 0;
        pause.setText(
                paused
                        ? "‖ PAUSED (" + lane.paused() + ") · auto-release in "
                                + lane.secondsLeft(model.nowProperty().get()) + " s"
                        : "");
        pause.setVisible(paused);
        pseudoClassStateChanged(PAUSED, paused);
        setGraphic(box);
    }
}
