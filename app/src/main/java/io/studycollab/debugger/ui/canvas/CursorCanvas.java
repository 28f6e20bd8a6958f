package io.studycollab.debugger.ui.canvas;

import io.studycollab.debugger.fx.UserColors;
import io.studycollab.debugger.ui.presence.GroupModel;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.Payloads;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Remote cursors on a shared 1000×600 board, scaled to the view. Each pointer glides toward its
 * latest position (exponential smoothing per frame, not jumps), carries its user's name and
 * colour, fades when the user is inactive or silent, and goes when they leave. Moving our own
 * mouse over the board reports our cursor.
 */
public final class CursorCanvas extends Pane {

    public static final double BOARD_WIDTH = 1000;
    public static final double BOARD_HEIGHT = 600;
    /** Milliseconds without a cursor update after which a pointer is drawn faded. */
    public static final long STALE_MILLIS = 10_000;

    private final Canvas canvas = new Canvas();
    private final GroupModel group;
    private final Map<String, Sprite> sprites = new HashMap<>();
    private final AnimationTimer timer;
    private long lastFrame;
    private double ownX = -1;
    private double ownY = -1;
    private boolean dark;

    /** A pointer being drawn: where it is now and where it is heading. */
    static final class Sprite {
        double x;
        double y;
        double targetX;
        double targetY;
        long updatedAtNanos;
        String name;
        boolean active;
    }

    public CursorCanvas(GroupModel group, BiConsumer<Double, Double> onOwnCursor) {
        this.group = group;
        setId("cursorCanvas");
        getStyleClass().add("cursor-canvas");
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        setMinSize(200, 120);
        setOnMouseMoved(e -> {
            double[] b = toBoard(e.getX(), e.getY());
            ownX = b[0];
            ownY = b[1];
            onOwnCursor.accept(b[0], b[1]);
        });
        setOnMouseDragged(getOnMouseMoved());
        setOnMouseExited(e -> ownX = -1);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        timer.start();
    }

    public void setDark(boolean dark) {
        this.dark = dark;
    }

    /** Board coordinates of a point in this view. */
    double[] toBoard(double vx, double vy) {
        double[] f = fit();
        return new double[]{clamp((vx - f[1]) / f[0], BOARD_WIDTH), clamp((vy - f[2]) / f[0], BOARD_HEIGHT)};
    }

    private static double clamp(double v, double max) {
        return Math.round(Math.max(0, Math.min(max, v)) * 10) / 10.0;
    }

    /** {scale, offsetX, offsetY} that fit the board into the view, centred. */
    private double[] fit() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        double scale = Math.min(w / BOARD_WIDTH, h / BOARD_HEIGHT);
        return new double[]{scale, (w - BOARD_WIDTH * scale) / 2, (h - BOARD_HEIGHT * scale) / 2};
    }

    private void sync(long now) {
        Set<String> present = new HashSet<>();
        for (Member m : group.groupMembers()) {
            Payloads.Cursor c = group.userCursors().get(m.userId());
            if (c == null) {
                continue;
            }
            present.add(m.userId());
            Sprite s = sprites.get(m.userId());
            if (s == null) {
                s = new Sprite();
                s.x = c.x();
                s.y = c.y();
                s.targetX = c.x();
                s.targetY = c.y();
                s.updatedAtNanos = now;
                sprites.put(m.userId(), s);
            } else if (s.targetX != c.x() || s.targetY != c.y()) {
                s.targetX = c.x();
                s.targetY = c.y();
                s.updatedAtNanos = now;
            }
            s.name = m.displayName() == null ? m.userId() : m.displayName();
            s.active = m.active();
        }
        sprites.keySet().retainAll(present);
    }

    private void frame(long now) {
        double dt = lastFrame == 0 ? 0.016 : Math.min(0.1, (now - lastFrame) / 1e9);
        lastFrame = now;
        sync(now);
        // Reach ~90 % of the way to a new position in about 100 ms, whatever the frame rate.
        double follow = 1 - Math.exp(-dt * 23);
        for (Sprite s : sprites.values()) {
            s.x += (s.targetX - s.x) * follow;
            s.y += (s.targetY - s.y) * follow;
        }
        draw(now);
    }

    private void draw(long now) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(dark ? Color.web("#0d1117") : Color.web("#f6f8fa"));
        g.fillRect(0, 0, w, h);
        double[] f = fit();
        double scale = f[0];
        g.setFill(dark ? Color.web("#161b22") : Color.WHITE);
        g.fillRect(f[1], f[2], BOARD_WIDTH * scale, BOARD_HEIGHT * scale);
        g.setStroke(dark ? Color.web("#21262d") : Color.web("#eaeef2"));
        g.setLineWidth(1);
        for (int gx = 0; gx <= BOARD_WIDTH; gx += 50) {
            g.strokeLine(f[1] + gx * scale, f[2], f[1] + gx * scale, f[2] + BOARD_HEIGHT * scale);
        }
        for (int gy = 0; gy <= BOARD_HEIGHT; gy += 50) {
            g.strokeLine(f[1], f[2] + gy * scale, f[1] + BOARD_WIDTH * scale, f[2] + gy * scale);
        }
        if (sprites.isEmpty()) {
            g.setFill(dark ? Color.web("#8b949e") : Color.web("#57606a"));
            g.setFont(Font.font(14));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No cursors yet: members' pointers appear here. Move your mouse to share yours.", w / 2, h / 2);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BASELINE);
        }
        Font label = Font.font(null, FontWeight.BOLD, 12);
        g.setFont(label);
        for (Map.Entry<String, Sprite> e : sprites.entrySet()) {
            Sprite s = e.getValue();
            boolean stale = (now - s.updatedAtNanos) / 1_000_000 > STALE_MILLIS;
            g.setGlobalAlpha(s.active && !stale ? 1.0 : 0.35);
            Color color = UserColors.of(e.getKey());
            double px = f[1] + s.x * scale;
            double py = f[2] + s.y * scale;
            g.setFill(color);
            g.fillPolygon(new double[]{px, px, px + 5, px + 12}, new double[]{py, py + 17, py + 12, py + 12}, 4);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.2);
            g.strokePolygon(new double[]{px, px, px + 5, px + 12}, new double[]{py, py + 17, py + 12, py + 12}, 4);
            double tw = s.name.length() * 7 + 10;
            g.setFill(color);
            g.fillRoundRect(px + 12, py + 14, tw, 18, 8, 8);
            g.setFill(Color.WHITE);
            g.fillText(s.name, px + 17, py + 27);
        }
        g.setGlobalAlpha(1);
        if (ownX >= 0) {
            g.setFill(dark ? Color.web("#8b949e") : Color.web("#57606a"));
            g.setFont(Font.font(11));
            g.fillText(String.format("you: %.0f, %.0f", ownX, ownY), 8, h - 8);
        }
    }

    /** Drawn position of a user's pointer in board coordinates, or null; for tests. */
    public double[] drawnPosition(String userId) {
        Sprite s = sprites.get(userId);
        return s == null ? null : new double[]{s.x, s.y};
    }

    public int cursorCount() {
        return sprites.size();
    }

    public void stop() {
        timer.stop();
    }
}
