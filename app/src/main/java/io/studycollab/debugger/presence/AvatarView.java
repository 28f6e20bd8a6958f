package io.studycollab.debugger.presence;

import io.studycollab.debugger.fx.UserColors;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.Payloads;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A member's avatar: their picture or initials on their colour, an activity ring, and their tool.
 * One view is refilled with {@link #show} as the roster changes: a tooltip is a popup window with
 * a scene of its own, too costly to make again whenever someone switches tool.
 */
public final class AvatarView extends StackPane {

    private static final double RADIUS = 16;
    private static final Color ACTIVE = Color.web("#2da44e");
    private static final Color INACTIVE = Color.web("#8c959f");

    private final Circle face = new Circle(RADIUS);
    private final Label initials = new Label();
    private final Circle ring = new Circle(RADIUS + 3);
    private final FontIcon toolIcon = new FontIcon();
    private final StackPane badge = new StackPane(new Circle(8, Color.web("#24292f")), toolIcon);
    private final Tooltip tooltip = new Tooltip();
    private final BooleanSupplier showTools;
    private Member member;
    private String imageUrl;

    public AvatarView(
            BooleanSupplier showTools, BooleanSupplier showCursor, Function<String, Payloads.Cursor> cursorOf) {
        this.showTools = showTools;
        createView();
        initListeners(showCursor, cursorOf);
    }

    private void createView() {
        getStyleClass().add("avatar");
        initials.getStyleClass().add("avatar-initials");
        initials.setTextFill(Color.WHITE);
        ring.setFill(Color.TRANSPARENT);
        ring.setStrokeWidth(2.5);
        toolIcon.setIconSize(11);
        toolIcon.setStyle("-fx-icon-color: white;"); // inline: the theme's icon colour rule would win over a setter
        StackPane.setAlignment(badge, Pos.BOTTOM_RIGHT);
        badge.setMaxSize(16, 16);
        getChildren().addAll(ring, face, initials, badge);
        setMinSize(RADIUS * 2 + 8, RADIUS * 2 + 8);
        setMaxSize(RADIUS * 2 + 8, RADIUS * 2 + 8);
    }

    private void initListeners(BooleanSupplier showCursor, Function<String, Payloads.Cursor> cursorOf) {
        // Built when shown: the cursor moves far more often than the avatar changes.
        tooltip.setOnShowing(e -> {
            if (member != null) {
                tooltip.setText(tip(member, showCursor.getAsBoolean() ? cursorOf.apply(member.userId()) : null));
            }
        });
        Tooltip.install(this, tooltip);
    }

    public void show(Member m) {
        show(m, null);
    }

    /** Shows {@code m}; {@code selfId} (when known) is you, drawn in your own colour. */
    public void show(Member m, String selfId) {
        member = m;
        setId("avatar-" + m.userId());
        Color colour = UserColors.of(m.userId(), selfId);
        String url = m.avatarUrl() != null && m.avatarUrl().matches("(?i)https?://.+") ? m.avatarUrl() : null;
        if (url == null || !url.equals(imageUrl)) {
            face.setFill(colour);
            initials.setVisible(true);
        }
        if (url != null && !url.equals(imageUrl)) {
            Image image = new Image(url, RADIUS * 2, RADIUS * 2, true, true, true);
            image.progressProperty().addListener((obs, o, p) -> {
                if (p.doubleValue() >= 1 && !image.isError() && url.equals(imageUrl)) {
                    face.setFill(new ImagePattern(image));
                    initials.setVisible(false);
                }
            });
        }
        imageUrl = url;
        initials.setText(m.initials());
        String ringStyle = m.active() ? "ring-active" : "ring-inactive";
        // Setting the same class again still counts as a change, and restyles the avatar.
        if (!ring.getStyleClass().equals(List.of(ringStyle))) {
            ring.getStyleClass().setAll(ringStyle);
        }
        ring.setStroke(m.active() ? ACTIVE : INACTIVE);
        if (m.active()) {
            if (!ring.getStrokeDashArray().isEmpty()) {
                ring.getStrokeDashArray().clear();
            }
        } else if (ring.getStrokeDashArray().isEmpty()) {
            ring.getStrokeDashArray().addAll(4.0, 3.0);
        }
        face.setOpacity(m.active() ? 1 : 0.55);
        boolean tool = showTools.getAsBoolean() && m.currentTool() != null;
        badge.setVisible(tool);
        if (tool) {
            toolIcon.setIconCode(ToolIcons.icon(m.currentTool()));
        }
    }

    static String tip(Member m, Payloads.Cursor cursor) {
        StringBuilder tip = new StringBuilder(m.displayName() == null ? m.userId() : m.displayName())
                .append("\n")
                .append(m.userId())
                .append("\n")
                .append(m.active() ? "active" : "inactive");
        if (m.currentTool() != null) {
            tip.append(" · tool ").append(m.currentTool());
        }
        if (cursor != null) {
            tip.append(String.format("%ncursor %.0f, %.0f", cursor.x(), cursor.y()));
        }
        tip.append("\nlast seen ").append(m.lastSeen() == null ? "–" : m.lastSeen());
        return tip.toString();
    }
}
