package io.studycollab.debugger.canvas;

import io.studycollab.debugger.presence.GroupModel;
import io.studycollab.realtime.presence.Member;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * Remote cursors on a shared 1000×600 board, scaled to the view. Each pointer glides toward its
 * latest position, carries its user's name and colour, fades when the user is inactive or silent,
 * and goes when they leave. Moving our own mouse over the board reports our cursor. While the
 * connection is down the last known pointers stay, faded, under an "offline since" note.
 *
 * <p>Drawn once per pulse by {@link #frame(long)}, which the window registers with the pump after
 * the models, so each frame shows this pulse's positions. The parts: {@link BoardGeometry} (where
 * the board sits), {@link SpriteSet} (which pointers, and how they move), {@link PointerCompositor}
 * (all pointers composited into one image off the FX thread) and {@link LabelOverlay} (names,
 * hint, note).
 */
public final class CursorCanvas extends Pane {

    public static final double BOARD_WIDTH = BoardGeometry.BOARD_WIDTH;
    public static final double BOARD_HEIGHT = BoardGeometry.BOARD_HEIGHT;
    /**
     * Most pointers drawn with their name tag (placed by {@link LabelLayout} so tags never overlap);
     * beyond it only the hovered one shows its name.
     */
    public static final int LABEL_LIMIT = 150;

    private final ImageView surface = new ImageView();
    private final LabelOverlay overlay = new LabelOverlay();
    private String drawnSelf;
    private final PointerCompositor compositor = new PointerCompositor(surface);
    private final SpriteSet sprites = new SpriteSet(overlay::tagWidth);
    private final GroupModel group;
    private final BiConsumer<Double, Double> onOwnCursor;
    private final Runnable finishFrame = compositor::finishFrame;
    private boolean rosterChanged = true;
    private int drawnCount = -1;
    private long lastFrame;
    private double ownX = -1;
    private double ownY = -1;
    private double mouseX = -1;
    private double mouseY = -1;
    private boolean dark;

    public CursorCanvas(GroupModel group, BiConsumer<Double, Double> onOwnCursor) {
        this.group = group;
        this.onOwnCursor = onOwnCursor;
        createView();
        initListeners();
    }

    private void createView() {
        setId("cursorCanvas");
        getStyleClass().add("cursor-canvas");
        getChildren().addAll(surface, overlay);
        overlay.widthProperty().bind(widthProperty());
        overlay.heightProperty().bind(heightProperty());
        setMinSize(200, 120);
    }

    private void initListeners() {
        widthProperty().addListener(o -> compositor.invalidateBoard());
        heightProperty().addListener(o -> compositor.invalidateBoard());
        group.groupMembers().addListener((ListChangeListener<Member>) c -> rosterChanged = true);
        setOnMouseMoved(e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            double[] b = geometry().toBoard(e.getX(), e.getY());
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
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        compositor.setDark(dark);
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

    private BoardGeometry geometry() {
        return BoardGeometry.fit(getWidth(), getHeight());
    }

    /** Board coordinates of a point in this view. */
    double[] toBoard(double vx, double vy) {
        return geometry().toBoard(vx, vy);
    }

    /** One frame: follow the group's latest cursors, composite what moved, redraw the text. */
    public void frame(long now) {
        double dt = lastFrame == 0 ? 0.016 : Math.min(0.1, (now - lastFrame) / 1e9);
        lastFrame = now;
        List<Member> members = group.snapshotProperty().get().members();
        String self = group.snapshotProperty().get().selfUserId();
        if (rosterChanged || !Objects.equals(self, drawnSelf)) {
            rosterChanged = false;
            drawnSelf = self;
            sprites.syncRoster(members, self);
        }
        sprites.syncCursors(members, now);
        BoardGeometry fit = geometry();
        double d = getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getOutputScaleX()
                : 1;
        boolean fresh = compositor.prepare(getWidth(), getHeight(), d, fit);
        if (!compositor.ready()) {
            return;
        }
        String offline = group.offlineNoteProperty().get();
        boolean changed = sprites.step(dt, fit, d, now, offline != null) || fresh;
        List<Sprite> shown = sprites.shown();
        changed |= shown.size() != drawnCount;
        if (changed) {
            compositor.draw(shown);
            drawnCount = shown.size();
        }
        boolean labels = !shown.isEmpty() && shown.size() <= LABEL_LIMIT;
        // With tags on, the hovered pointer's full name is drawn on top of its shortened or hidden tag.
        Sprite hovered = sprites.nearest(fit, mouseX, mouseY);
        overlay.draw(
                new LabelOverlay.Frame(shown, hovered, note(shown.size(), labels, offline), labels, d, dark), changed);
    }

    private String note(int count, boolean labels, String offline) {
        String note = labels || count == 0 ? "" : String.format("%,d cursors · point at one to see its name", count);
        if (ownX >= 0) {
            note = String.format("you: %.0f, %.0f", ownX, ownY) + (note.isEmpty() ? "" : "  ·  " + note);
        }
        if (offline != null) {
            note = offline + (note.isEmpty() ? "" : "  ·  " + note);
        }
        return note;
    }

    /** Drawn position of a user's pointer in board coordinates, or null; for tests. */
    public double[] drawnPosition(String userId) {
        return sprites.position(userId);
    }

    /** Whether a user's pointer is drawn faded (inactive, silent, or the connection is down); for tests. */
    public boolean drawnFaded(String userId) {
        return sprites.shown().stream().anyMatch(s -> s.userId.equals(userId) && s.drawnFaded);
    }

    /**
     * The colour shown at a point of this view (board, grid or pointer; not the text above them),
     * or null before the first frame; for tests.
     */
    public Color colorAt(double x, double y) {
        return compositor.colorAt(x, y);
    }

    /** Where a board point is shown in this view's coordinates; for tests. */
    public double[] toView(double boardX, double boardY) {
        return geometry().toView(boardX, boardY);
    }

    /** Pointers drawn in the last frame. */
    public int cursorCount() {
        return sprites.shown().size();
    }

    public void stop() {
        compositor.close();
        if (getScene() != null) {
            getScene().removePostLayoutPulseListener(finishFrame);
        }
    }
}
