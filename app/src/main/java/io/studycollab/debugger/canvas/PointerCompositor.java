package io.studycollab.debugger.canvas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;

/**
 * The board and every pointer composited in Java into one pixel buffer ({@link PointerRaster})
 * shown by one image, so a frame costs one texture upload of the changed region rather than a draw
 * call per pointer. Compositing runs on a thread of its own, into the one of two images not on
 * screen, while the FX thread styles and lays out the rest of the window; {@link #finishFrame()}
 * (after layout, before rendering) shows it. Owns that thread: {@link #close()} stops it.
 */
final class PointerCompositor implements AutoCloseable {

    private static final double FADED = 0.35;
    private static final double GRID_STEP = 50;

    private final ImageView view;
    private final Map<Color, Stamp> brightPointers = new HashMap<>();
    private final Map<Color, Stamp> fadedPointers = new HashMap<>();
    private final ExecutorService compositor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "canvas-compositor");
        t.setDaemon(true);
        return t;
    });
    // Two images: the one on screen, and the one being composited for the next frame.
    private PointerSurface[] surfaces;
    private int front;
    private Future<int[]> composing;
    private PointerShape shape;
    private double density;
    private boolean boardDirty = true;
    private boolean dark;

    PointerCompositor(ImageView view) {
        this.view = view;
        view.setSmooth(false);
    }

    /** The board must be repainted (resized view, theme). */
    void invalidateBoard() {
        boardDirty = true;
    }

    void setDark(boolean dark) {
        this.dark = dark;
        boardDirty = true;
    }

    double density() {
        return density;
    }

    boolean ready() {
        return surfaces != null;
    }

    /** Makes the surfaces match the view's size, density and theme; true when they were repainted. */
    boolean prepare(double w, double h, double d, BoardGeometry fit) {
        if (w < 1 || h < 1) {
            return false;
        }
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
        view.setFitWidth(w);
        view.setFitHeight(h);
        for (PointerSurface ps : surfaces) {
            ps.raster()
                    .paintBoard(
                            dark ? 0x0d1117 : 0xf6f8fa,
                            dark ? 0x161b22 : 0xffffff,
                            dark ? 0x21262d : 0xeaeef2,
                            fit.scaleX() * d,
                            fit.scaleY() * d,
                            0,
                            0,
                            BoardGeometry.BOARD_WIDTH,
                            BoardGeometry.BOARD_HEIGHT,
                            GRID_STEP);
        }
        return true;
    }

    /**
     * Lists this frame's pointers on the hidden surface and has it composited. The hidden surface
     * was last on screen two frames ago, a frame whose rendering has finished.
     */
    void draw(List<Sprite> shown) {
        // A frame composited but never shown (no pulse reached layout) is shown now, so no change
        // goes missing from what the renderer has uploaded.
        finishFrame();
        PointerSurface back = surfaces[1 - front];
        back.clearPointers();
        for (Sprite s : shown) {
            back.addPointer(stampOf(s), s.drawnX, s.drawnY);
        }
        composing = compositor.submit(back::compose);
    }

    /** After layout, before rendering: shows the surface composited for this frame. */
    void finishFrame() {
        if (composing == null) {
            return;
        }
        int[] dirty = awaitComposing();
        PointerSurface back = surfaces[1 - front];
        back.publish(dirty);
        view.setImage(back.image());
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

    /** The colour on screen at a view point (board, grid or pointer), or null before the first frame. */
    Color colorAt(double x, double y) {
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

    static double fadedOpacity() {
        return FADED;
    }

    @Override
    public void close() {
        compositor.shutdownNow();
    }
}
