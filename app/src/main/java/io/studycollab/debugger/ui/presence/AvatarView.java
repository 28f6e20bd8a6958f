package io.studycollab.debugger.ui.presence;

import io.studycollab.debugger.fx.UserColors;
import io.studycollab.realtime.presence.Member;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/** A member's avatar: their picture or initials on their colour, an activity ring, and their tool. */
public final class AvatarView extends StackPane {

    private static final double RADIUS = 16;

    public AvatarView(Member m, boolean showTools, boolean showCursor) {
        getStyleClass().add("avatar");
        setId("avatar-" + m.userId());
        Circle face = new Circle(RADIUS, UserColors.of(m.userId()));
        Label initials = new Label(m.initials());
        initials.getStyleClass().add("avatar-initials");
        initials.setTextFill(Color.WHITE);
        getChildren().addAll(face, initials);
        if (m.avatarUrl() != null && m.avatarUrl().matches("(?i)https?://.+")) {
            Image image = new Image(m.avatarUrl(), RADIUS * 2, RADIUS * 2, true, true, true);
            image.progressProperty().addListener((obs, o, p) -> {
                if (p.doubleValue() >= 1 && !image.isError()) {
                    face.setFill(new ImagePattern(image));
                    initials.setVisible(false);
                }
            });
        }
        Circle ring = new Circle(RADIUS + 3);
        ring.setFill(Color.TRANSPARENT);
        ring.setStrokeWidth(2.5);
        ring.getStyleClass().add(m.active() ? "ring-active" : "ring-inactive");
        ring.setStroke(m.active() ? Color.web("#2da44e") : Color.web("#8c959f"));
        if (!m.active()) {
            ring.getStrokeDashArray().addAll(4.0, 3.0);
            face.setOpacity(0.55);
        }
        getChildren().add(0, ring);
        if (showTools && m.currentTool() != null) {
            FontIcon tool = new FontIcon(ToolIcons.icon(m.currentTool()));
            tool.setIconSize(11);
            StackPane badge = new StackPane(new Circle(8, Color.web("#24292f")), tool);
            tool.setStyle("-fx-icon-color: white;"); // inline: the theme's icon colour rule would win over a setter
            StackPane.setAlignment(badge, Pos.BOTTOM_RIGHT);
            badge.setMaxSize(16, 16);
            getChildren().add(badge);
        }
        setMinSize(RADIUS * 2 + 8, RADIUS * 2 + 8);
        setMaxSize(RADIUS * 2 + 8, RADIUS * 2 + 8);
        StringBuilder tip = new StringBuilder(m.displayName() == null ? m.userId() : m.displayName())
                .append("\n").append(m.userId())
                .append("\n").append(m.active() ? "active" : "inactive");
        if (m.currentTool() != null) {
            tip.append(" · tool ").append(m.currentTool());
        }
        if (showCursor && m.cursor() != null) {
            tip.append(String.format("%ncursor %.0f, %.0f", m.cursor().x(), m.cursor().y()));
        }
        tip.append("\nlast seen ").append(m.lastSeen() == null ? "–" : m.lastSeen());
        Tooltip.install(this, new Tooltip(tip.toString()));
    }
}
