package io.studycollab.debugger.canvas;

import io.studycollab.debugger.fx.UserColors;
import io.studycollab.debugger.presence.GroupModel;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.Payloads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Remote cursors on a shared 1000×600 board, scaled to the view. Each pointer glides toward its
 * latest position (exponential smoothing per frame, not jumps), carries its user's name and
 * colour, fades when the user is inactive or silent, and goes when they leave. Moving our own
 * mouse over the board reports our cursor.
 *
 * <p>Drawn to stay at the display's frame rate with thousands of pointers, also on software
 * rendering: the board and all pointers are composited in Java into one pixel buffer
 * ({@link PointerRaster}) shown by one image, so a frame costs one texture upload of the changed
 * region rather than a draw call per pointer, and a frame where no pointer moved a whole pixel
 * costs nothing. The compositing runs on a thread of its own, into the one of two images not on
 * screen, while the FX thread styles and lays out the rest of the window. Names, the hint and the
 * status note are text on a canvas above it. Past {@link #LABEL_LIMIT} pointers the name tags
 * (which would only cover each other) give way to the name of the pointer under the mouse.
 */
public final class CursorCanvas extends Pane {

    public static final double BOARD_WIDTH = 1000;
    public static final double BOARD_HEIGHT = 600;
    /** Milliseconds without a cursor update after which a pointer is drawn faded. */
    public static final long STALE_MILLIS = 10_000;
    /** Most pointers drawn with their name tag; beyond it only the hovered one shows its name. */
    public static final int LABEL_LIMIT = 150;

    private static final double FADED = 0.35;
    private static final double GRID_STEP = 50;
    private static final Font LABEL_FONT = Font.font(null, FontWeight.BOLD, 12);

    private final ImageView surface = new ImageView();
    // Measures name tags, so a tag fits its name in any font.
    private final Text labelText = new Text();
    private final Canvas overlay = new Canvas();
    private final GroupModel group;
    // Every member, and those of them with a cursor (what is drawn), rebuilt per frame from the
    // cursor map; the member walk happens only when the roster changes.
    private final Map<String, Sprite> sprites = new HashMap<>();
    private final List<Sprite> shown = new ArrayList<>();
    private boolean rosterChanged = true;
    private final Map<Color, Stamp> brightPointers = new HashMap<>();
    private final Map<Color, Stamp> fadedPointers = new HashMap<>();
    private final AnimationTimer timer;
    // Two images: the one on screen, and the one being composited for the next frame.
    private PointerSurface[] surfaces;
    private int front;
    private Future<int[]> composing;
    private final ExecutorService compositor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "canvas-compositor");
        t.setDaemon(true);
        return t;
    });
    private final Runnable finishFrame = this::finishFrame;
    private PointerShape shape;
    private double density;
    private int drawnCount;
    private String overlayKey;
    private long lastFrame;
    private double ownX = -1;
    private double ownY = -1;
    private double mouseX = -1;
    private double mouseY = -1;
    private boolean dark;
    private boolean boardDirty = true;

    /** A pointer being drawn: where it is now, where it is heading, and where it was last put. */
    static final class Sprite {
        double x;
        double y;
        double targetX;
        double targetY;
        long updatedAtNanos;
        String userId;
        String name;
        double labelWidth;
        boolean active;
        Color color;
        int drawnX = Integer.MIN_VALUE;
        int drawnY;
        boolean drawnFaded;
    }

    public CursorCanvas(GroupModel group, BiConsumer<Double, Double> onOwnCursor) {
        this.group = group;
        setId("cursorCanvas");
        getStyleClass().add("cursor-canvas");
        surface.setSmooth(false);
        labelText.setFont(LABEL_FONT);
        getChildren().addAll(surface, overlay);
        overlay.widthProperty().bind(widthProperty());
        overlay.heightProperty().bind(heightProperty());
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
        sceneProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.removePostLayoutPulseListener(finishFrame);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(finishFrame);
            }
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

    @Override
    protected double computePrefWidth(double height) {
        // The surface follows the view's size; it must not hold the view at its last size.
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 0;
    }

    /** Board coordinates of a point in this view. */
    double[] toBoard(double vx, double vy) {
        double[] f = fit();
        return new double[] {clamp((vx - f[1]) / f[0], BOARD_WIDTH), clamp((vy - f[2]) / f[0], BOARD_HEIGHT)};
    }

    private static double clamp(double v, double max) {
        return Math.round(Math.max(0, Math.min(max, v)) * 10) / 10.0;
    }

    /** {scale, offsetX, offsetY} that fit the board into the view, centred. */
    private double[] fit() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        double scale = Math.min(w / BOARD_WIDTH, h / BOARD_HEIGHT);
        return new double[] {scale, (w - BOARD_WIDTH * scale) / 2, (h - BOARD_HEIGHT * scale) / 2};
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
                String name = m.displayName() == null ? m.userId() : m.displayName();
                if (!name.equals(s.name)) {
                    s.name = name;
                    labelText.setText(name);
                    s.labelWidth = labelText.getLayoutBounds().getWidth() + 10;
                }
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
        boolean fresh = prepareSurface();
        if (surfaces == null) {
            return;
        }
        // Reach ~90 % of the way to a new position in about 100 ms, whatever the frame rate.
        double follow = 1 - Math.exp(-dt * 23);
        double[] f = fit();
        boolean changed = fresh || shown.size() != drawnCount;
        int tip = (int) Math.round(density);
        for (Sprite s : shown) {
            s.x += (s.targetX - s.x) * follow;
            s.y += (s.targetY - s.y) * follow;
            // Whole device pixels: a pointer that moved less than one is not redrawn.
            int dx = (int) Math.round((f[1] + s.x * f[0]) * density) - tip;
            int dy = (int) Math.round((f[2] + s.y * f[0]) * density) - tip;
            boolean faded = !s.active || (now - s.updatedAtNanos) / 1_000_000 > STALE_MILLIS;
            if (dx != s.drawnX || dy != s.drawnY || faded != s.drawnFaded) {
                s.drawnX = dx;
                s.drawnY = dy;
                s.drawnFaded = faded;
                changed = true;
            }
        }
        if (changed) {
            drawPointers();
        }
        drawOverlay(f, changed);
    }

    /** Makes the surfaces match the view's size, density and theme; true when they were repainted. */
    private boolean prepareSurface() {
        double w = getWidth();
        double h = getHeight();
        if (w < 1 || h < 1) {
            return false;
        }
        double d = getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getOutputScaleX()
                : 1;
        int pw = (int) Math.ceil(w * d);
        int ph = (int) Math.ceil(h * d);
        if (shape == null || d != density) {
            shape = PointerShape.render(d);
            brightPointers.clear();
            fadedPointers.clear();
            density = d;
            boardDirty = true;
        }
        if (surfaces == null
                || surfaces[0].raster().width() != pw
                || surfaces[0].raster().height() != ph) {
            awaitComposing();
            surfaces = new PointerSurface[] {new PointerSurface(pw, ph), new PointerSurface(pw, ph)};
            boardDirty = true;
        }
        if (!boardDirty) {
            return false;
        }
        awaitComposing();
        boardDirty = false;
        surface.setFitWidth(w);
        surface.setFitHeight(h);
        double[] f = fit();
        for (PointerSurface ps : surfaces) {
            ps.raster()
                    .paintBoard(
                            dark ? 0x0d1117 : 0xf6f8fa,
                            dark ? 0x161b22 : 0xffffff,
                            dark ? 0x21262d : 0xeaeef2,
                            f[0] * d,
                            f[1] * d,
                            f[2] * d,
                            BOARD_WIDTH,
                            BOARD_HEIGHT,
                            GRID_STEP);
        }
        return true;
    }

    /**
     * Lists this frame's pointers on the hidden surface and has it composited while the FX thread
     * goes on with styling and layout; {@link #finishFrame} shows it before the frame is rendered.
     * The hidden surface was last on screen two frames ago, a frame whose rendering has finished.
     */
    private void drawPointers() {
        // A frame composited but never shown (no pulse reached layout) is shown now, so no change
        // goes missing from what the renderer has uploaded.
        finishFrame();
        PointerSurface back = surfaces[1 - front];
        back.clearPointers();
        for (Sprite s : shown) {
            back.addPointer(stampOf(s), s.drawnX, s.drawnY);
        }
        drawnCount = shown.size();
        composing = compositor.submit(back::compose);
    }

    /** After layout, before rendering: shows the surface composited for this frame. */
    private void finishFrame() {
        if (composing == null) {
            return;
        }
        int[] dirty = awaitComposing();
        PointerSurface back = surfaces[1 - front];
        back.publish(dirty);
        surface.setImage(back.image());
        front = 1 - front;
    }

    /** Waits for the frame being composited; its changed region, or null. */
    private int[] awaitComposing() {
        Future<int[]> job = composing;
        composing = null;
        if (job == null) {
            return null;
        }
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("compositing the cursors failed", e.getCause());
        }
    }

    /** The sprite's pointer in its colour, faded or not; made once per colour and shared. */
    private Stamp stampOf(Sprite s) {
        Map<Color, Stamp> made = s.drawnFaded ? fadedPointers : brightPointers;
        return made.computeIfAbsent(s.color, c -> shape.stamp(c, s.drawnFaded ? FADED : 1));
    }

    /** Names, hint and note; redrawn only when what they show changed. */
    private void drawOverlay(double[] f, boolean pointersMoved) {
        boolean labels = !shown.isEmpty() && shown.size() <= LABEL_LIMIT;
        Sprite hovered = labels ? null : hoveredSprite(f);
        String note = labels || shown.isEmpty()
                ? ""
                : String.format("%,d cursors · point at one to see its name", shown.size());
        if (ownX >= 0) {
            note = String.format("you: %.0f, %.0f", ownX, ownY) + (note.isEmpty() ? "" : "  ·  " + note);
        }
        String key = (shown.isEmpty() ? "hint|" : "") + note
                + (hovered == null ? "" : "|" + hovered.userId + "@" + hovered.drawnX + "," + hovered.drawnY) + "|"
                + overlay.getWidth() + "x" + overlay.getHeight() + (dark ? "|dark" : "");
        if (!(labels && pointersMoved) && key.equals(overlayKey)) {
            return;
        }
        overlayKey = key;
        GraphicsContext g = overlay.getGraphicsContext2D();
        double w = overlay.getWidth();
        double h = overlay.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFont(LABEL_FONT);
        if (labels) {
            for (Sprite s : shown) {
                g.setGlobalAlpha(s.drawnFaded ? FADED : 1);
                drawLabel(g, s);
            }
            g.setGlobalAlpha(1);
        } else if (hovered != null) {
            drawLabel(g, hovered);
        }
        Color muted = dark ? Color.web("#8b949e") : Color.web("#57606a");
        if (shown.isEmpty()) {
            g.setFill(muted);
            g.setFont(Font.font(14));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No cursors yet: members' pointers appear here. Move your mouse to share yours.", w / 2, h / 2);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BASELINE);
        }
        if (!note.isEmpty()) {
            g.setFill(muted);
            g.setFont(Font.font(11));
            g.fillText(note, 8, h - 8);
        }
    }

    /** The pointer nearest the mouse, within 20 pixels of it. */
    private Sprite hoveredSprite(double[] f) {
        if (mouseX < 0) {
            return null;
        }
        Sprite hovered = null;
        double best = 20 * 20;
        for (Sprite s : shown) {
            double px = f[1] + s.x * f[0];
            double py = f[2] + s.y * f[0];
            double d = (px - mouseX) * (px - mouseX) + (py - mouseY) * (py - mouseY);
            if (d < best) {
                best = d;
                hovered = s;
            }
        }
        return hovered;
    }

    private void drawLabel(GraphicsContext g, Sprite s) {
        // Where the pointer was put, so the tag never lags its arrow by a pixel.
        double px = (s.drawnX + Math.round(density)) / density;
        double py = (s.drawnY + Math.round(density)) / density;
        g.setFill(s.color);
        g.fillRoundRect(px + 12, py + 14, s.labelWidth, 18, 8, 8);
        g.setFill(Color.WHITE);
        g.fillText(s.name, px + 17, py + 27);
    }

    /** Drawn position of a user's pointer in board coordinates, or null; for tests. */
    public double[] drawnPosition(String userId) {
        Sprite s = sprites.get(userId);
        return s == null || Double.isNaN(s.x) || !shown.contains(s) ? null : new double[] {s.x, s.y};
    }

    /**
     * The colour shown at a point of this view (board, grid or pointer; not the text above them),
     * or null before the first frame; for tests.
     */
    public Color colorAt(double x, double y) {
        if (surfaces == null) {
            return null;
        }
        PointerRaster raster = surfaces[front].raster();
        int px = (int) Math.min(raster.width() - 1, Math.max(0, Math.floor(x * density)));
        int py = (int) Math.min(raster.height() - 1, Math.max(0, Math.floor(y * density)));
        int argb = raster.pixel(px, py);
        double a = (argb >>> 24) / 255.0;
        if (a == 0) {
            return Color.TRANSPARENT;
        }
        return Color.rgb(
                (int) Math.round(((argb >>> 16) & 0xff) / a),
                (int) Math.round(((argb >>> 8) & 0xff) / a),
                (int) Math.round((argb & 0xff) / a),
                a);
    }

    /** Where a board point is shown in this view's coordinates; for tests. */
    public double[] toView(double boardX, double boardY) {
        double[] f = fit();
        return new double[] {f[1] + boardX * f[0], f[2] + boardY * f[0]};
    }

    /** Pointers drawn in the last frame. */
    public int cursorCount() {
        return shown.size();
    }

    public void stop() {
        timer.stop();
        compositor.shutdownNow();
        if (getScene() != null) {
            getScene().removePostLayoutPulseListener(finishFrame);
        }
    }
}
