package io.studycollab.debugger.canvas;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * The pointer arrow as two coverage masks, its body and its white outline, rasterised once per
 * screen density. Any user's pointer is then made from the masks in Java: no drawing, no snapshot
 * and no frame budget per new colour.
 */
final class PointerShape {

    /** Size in layout pixels, outline included, with the tip one pixel in from the corner. */
    static final double WIDTH = 15;

    static final double HEIGHT = 20;
    private static final double[] ARROW_X = {0, 0, 5, 12};
    private static final double[] ARROW_Y = {0, 17, 12, 12};
    private static final double OUTLINE = 1.2;

    private final int width;
    private final int height;
    private final int[] body;
    private final int[] outline;

    PointerShape(int width, int height, int[] body, int[] outline) {
        if (body.length != width * height || outline.length != width * height) {
            throw new IllegalArgumentException("masks must be " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.body = body;
        this.outline = outline;
    }

    /** Rasterises the arrow at a density (device pixels per layout pixel); FX thread only. */
    static PointerShape render(double density) {
        int w = (int) Math.ceil(WIDTH * density);
        int h = (int) Math.ceil(HEIGHT * density);
        return new PointerShape(w, h, coverage(density, w, h, true), coverage(density, w, h, false));
    }

    private static int[] coverage(double density, int w, int h, boolean fill) {
        Canvas c = new Canvas(WIDTH, HEIGHT);
        GraphicsContext g = c.getGraphicsContext2D();
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = 1 + ARROW_X[i];
            ys[i] = 1 + ARROW_Y[i];
        }
        if (fill) {
            g.setFill(Color.WHITE);
            g.fillPolygon(xs, ys, 4);
        } else {
            g.setStroke(Color.WHITE);
            g.setLineWidth(OUTLINE);
            g.strokePolygon(xs, ys, 4);
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setTransform(Transform.scale(density, density));
        WritableImage image = c.snapshot(params, new WritableImage(w, h));
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), argb, 0, w);
        for (int i = 0; i < argb.length; i++) {
            argb[i] >>>= 24;
        }
        return argb;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * The pointer in one colour at an opacity, as premultiplied ARGB: the body in the colour, the
     * outline painted over it in white, as drawing the two would.
     */
    Stamp stamp(Color color, double opacity) {
        int r = (int) Math.round(color.getRed() * 255);
        int g = (int) Math.round(color.getGreen() * 255);
        int b = (int) Math.round(color.getBlue() * 255);
        int o = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        int[] out = new int[body.length];
        for (int i = 0; i < out.length; i++) {
            int fa = body[i];
            int sa = outline[i];
            int inv = 255 - sa;
            // Body premultiplied by its coverage, then white outline over it.
            int a = sa + PointerRaster.div255(fa * inv);
            int pr = sa + PointerRaster.div255(PointerRaster.div255(r * fa) * inv);
            int pg = sa + PointerRaster.div255(PointerRaster.div255(g * fa) * inv);
            int pb = sa + PointerRaster.div255(PointerRaster.div255(b * fa) * inv);
            if (o != 255) {
                a = PointerRaster.div255(a * o);
                pr = PointerRaster.div255(pr * o);
                pg = PointerRaster.div255(pg * o);
                pb = PointerRaster.div255(pb * o);
            }
            out[i] = a << 24 | pr << 16 | pg << 8 | pb;
        }
        return new Stamp(width, height, out);
    }
}
