package io.studycollab.debugger.ui.canvas;

import io.studycollab.debugger.fx.UserColors;
import io.studycollab.debugger.ui.presence.GroupModel;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.Payloads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
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
 *
 * <p>Drawn to stay at the display's frame rate with thousands of pointers, also on software
 * rendering: the board and its grid are a layer of their own, redrawn only when the view's size or
 * theme changes; a pointer is a small image made once per colour and blitted, not an anti-aliased
 * path per frame. Past {@link #LABEL_LIMIT} pointers the name tags (which would only cover each
 * other) give way to the name of the pointer under the mouse.
 */
public final class CursorCanvas extends Pane {

    public static final double BOARD_WIDTH = 1000;
    public static final double BOARD_HEIGHT = 600;
    /** Milliseconds without a cursor update after which a pointer is drawn faded. */
    public static final long STALE_MILLIS = 10_000;
    /** Most pointers drawn with their name tag; beyond it only the hovered one shows its name. */
    public static final int LABEL_LIMIT = 150;
    private static final double[] ARROW_X = {0, 0, 5, 12};
    private static final double[] ARROW_Y = {0, 17, 12, 12};
    private static final int NEW_IMAGES_PER_FRAME = 24;
    private static final Font LABEL_FONT = Font.font(null, FontWeight.BOLD, 12);
    private static final double POINTER_W = 15;
    private static final double POINTER_H = 20;

    private final Canvas board = new Canvas();
    private final Canvas canvas = new Canvas();
    private final GroupModel group;
    // Every member, and those of them with a cursor (what is drawn), rebuilt per frame from the
    // cursor map; the member walk happens only when the roster changes.
    private final Map<String, Sprite> sprites = new HashMap<>();
    private final List<Sprite> shown = new ArrayList<>();
    private boolean rosterChanged = true;
    private final Map<Color, Image> pointerImages = new HashMap<>();
    private final AnimationTimer timer;
    private long lastFrame;
    private double ownX = -1;
    private double ownY = -1;
    private double mouseX = -1;
    private double mouseY = -1;
    private boolean dark;
    private boolean boardDirty = true;
    private boolean boardShowsHint;

    /** A pointer being drawn: where it is now and where it is heading. */
    static final class Sprite {
        double x;
        double y;
        double targetX;
        double targetY;
        long updatedAtNanos;
        String userId;
        String name;
        boolean active;
        Color color;
    }

    public CursorCanvas(GroupModel group, BiConsumer<Double, Double> onOwnCursor) {
        this.group = group;
        setId("cursorCanvas");
        getStyleClass().add("cursor-canvas");
        getChildren().addAll(board, canvas);
        for (Canvas c : new Canvas[]{board, canvas}) {
            c.widthProperty().bind(widthProperty());
            c.heightProperty().bind(heightProperty());
        }
        widthProperty().addListener(o -> boardDirty = true);
        heightProperty().addListener(o -> boardDirty = true);
        setMinSize(200, 120);
        group.groupMembers().addListener((ListChangeListener<Member>) c -> rosterChanged = true);
        setOnMouseMoved(e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            double[] b = toBoard(e.getX(), e.getY());
            ownX = b[0];
            ownY = b[1];
            onOwnCursor.accept(b[0], b[1]);
        });
        setOnMouseDragged(getOnMouseMoved());
        setOnMouseExited(e -> {
            ownX = -1;
            mouseX = -1;
        });
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
        boardDirty = true;
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
        Map<String, Payloads.Cursor> cursors = group.userCursors();
        if (rosterChanged) {
            rosterChanged = false;
            Set<String> present = new HashSet<>();
            for (Member m : group.groupMembers()) {
                Sprite s = sprites.get(m.userId());
                if (s == null) {
                    s = new Sprite();
                    s.userId = m.userId();
                    s.color = UserColors.of(m.userId());
                    s.x = Double.NaN;
                    sprites.put(m.userId(), s);
                }
                s.name = m.displayName() == null ? m.userId() : m.displayName();
                s.active = m.active();
                present.add(m.userId());
            }
            sprites.keySet().retainAll(present);
        }
        shown.clear();
        for (Sprite s : sprites.values()) {
            Payloads.Cursor c = cursors.get(s.userId);
            if (c == null) {
                continue;
            }
            if (Double.isNaN(s.x)) {
                s.x = c.x();
                s.y = c.y();
                s.targetX = c.x();
                s.targetY = c.y();
                s.updatedAtNanos = now;
            } else if (s.targetX != c.x() || s.targetY != c.y()) {
                s.targetX = c.x();
                s.targetY = c.y();
                s.updatedAtNanos = now;
            }
            shown.add(s);
        }
    }

    private void frame(long now) {
        double dt = lastFrame == 0 ? 0.016 : Math.min(0.1, (now - lastFrame) / 1e9);
        lastFrame = now;
        sync(now);
        // Reach ~90 % of the way to a new position in about 100 ms, whatever the frame rate.
        double follow = 1 - Math.exp(-dt * 23);
        for (Sprite s : shown) {
            s.x += (s.targetX - s.x) * follow;
            s.y += (s.targetY - s.y) * follow;
        }
        if (boardDirty || boardShowsHint != shown.isEmpty()) {
            drawBoard();
        }
        draw(now);
    }

    private void drawBoard() {
        boardDirty = false;
        boardShowsHint = shown.isEmpty();
        GraphicsContext g = board.getGraphicsContext2D();
        double w = board.getWidth();
        double h = board.getHeight();
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
        if (boardShowsHint) {
            g.setFill(dark ? Color.web("#8b949e") : Color.web("#57606a"));
            g.setFont(Font.font(14));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No cursors yet: members' pointers appear here. Move your mouse to share yours.", w / 2, h / 2);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BASELINE);
        }
    }

    private void draw(long now) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double[] f = fit();
        double scale = f[0];
        boolean labels = shown.size() <= LABEL_LIMIT;
        Sprite hovered = null;
        double hoveredDistance = 20 * 20;
        int newImages = 0;
        g.setFont(LABEL_FONT);
        for (Sprite s : shown) {
            boolean stale = (now - s.updatedAtNanos) / 1_000_000 > STALE_MILLIS;
            g.setGlobalAlpha(s.active && !stale ? 1.0 : 0.35);
            double px = f[1] + s.x * scale;
            double py = f[2] + s.y * scale;
            Image pointer = pointerImages.get(s.color);
            if (pointer == null && newImages < NEW_IMAGES_PER_FRAME) {
                pointer = pointerImage(s.color);
                newImages++;
            }
            if (pointer != null) {
                // Whole pixels: a software pipeline copies an aligned image, but filters a shifted one.
                g.drawImage(pointer, Math.round(px) - 1, Math.round(py) - 1, POINTER_W, POINTER_H);
            } else {
                drawPointer(g, s.color, px, py);
            }
            if (labels) {
                drawLabel(g, s, px, py);
            } else if (mouseX >= 0) {
                double d = (px - mouseX) * (px - mouseX) + (py - mouseY) * (py - mouseY);
                if (d < hoveredDistance) {
                    hoveredDistance = d;
                    hovered = s;
                }
            }
        }
        g.setGlobalAlpha(1);
        if (hovered != null) {
            drawLabel(g, hovered, f[1] + hovered.x * scale, f[2] + hovered.y * scale);
        }
        g.setFill(dark ? Color.web("#8b949e") : Color.web("#57606a"));
        g.setFont(Font.font(11));
        String note = labels ? "" : String.format("%,d cursors · point at one to see its name", shown.size());
        if (ownX >= 0) {
            note = String.format("you: %.0f, %.0f", ownX, ownY) + (note.isEmpty() ? "" : "  ·  " + note);
        }
        if (!note.isEmpty()) {
            g.fillText(note, 8, h - 8);
        }
    }

    private static void drawPointer(GraphicsContext g, Color color, double px, double py) {
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = px + ARROW_X[i];
            ys[i] = py + ARROW_Y[i];
        }
        g.setFill(color);
        g.fillPolygon(xs, ys, 4);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.2);
        g.strokePolygon(xs, ys, 4);
    }

    private static void drawLabel(GraphicsContext g, Sprite s, double px, double py) {
        double tw = s.name.length() * 7 + 10;
        g.setFill(s.color);
        g.fillRoundRect(px + 12, py + 14, tw, 18, 8, 8);
        g.setFill(Color.WHITE);
        g.fillText(s.name, px + 17, py + 27);
    }

    /** The pointer in one colour as an image (at the screen's pixel density), drawn once. */
    private Image pointerImage(Color color) {
        double dpi = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        Canvas c = new Canvas(POINTER_W, POINTER_H);
        drawPointer(c.getGraphicsContext2D(), color, 1, 1);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setTransform(javafx.scene.transform.Transform.scale(dpi, dpi));
        WritableImage image = c.snapshot(params,
                new WritableImage((int) Math.ceil(POINTER_W * dpi), (int) Math.ceil(POINTER_H * dpi)));
        pointerImages.put(color, image);
        return image;
    }

    /** Drawn position of a user's pointer in board coordinates, or null; for tests. */
    public double[] drawnPosition(String userId) {
        Sprite s = sprites.get(userId);
        return s == null || Double.isNaN(s.x) || !shown.contains(s) ? null : new double[]{s.x, s.y};
    }

    /** Pointers drawn in the last frame. */
    public int cursorCount() {
        return shown.size();
    }

    public void stop() {
        timer.stop();
    }
}
