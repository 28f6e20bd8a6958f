package io.studycollab.debugger.canvas;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One of the canvas's two images: a raster, the image it backs, and the pointers to put on it next.
 * While one is on screen the other is composited off the FX thread, so the renderer never reads
 * pixels that are being written.
 */
final class PointerSurface {

    private final PointerRaster raster;
    private final PixelBuffer<IntBuffer> buffer;
    private final WritableImage image;
    private int count;
    private int[] xs = new int[64];
    private int[] ys = new int[64];
    private Stamp[] stamps = new Stamp[64];

    PointerSurface(int width, int height) {
        raster = new PointerRaster(width, height);
        buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(raster.pixels()), PixelFormat.getIntArgbPreInstance());
        image = new WritableImage(buffer);
    }

    PointerRaster raster() {
        return raster;
    }

    WritableImage image() {
        return image;
    }

    /** Starts listing the pointers of the next frame (FX thread). */
    void clearPointers() {
        count = 0;
    }

    void addPointer(Stamp stamp, int x, int y) {
        if (count == xs.length) {
            xs = Arrays.copyOf(xs, count * 2);
            ys = Arrays.copyOf(ys, count * 2);
            stamps = Arrays.copyOf(stamps, count * 2);
        }
        xs[count] = x;
        ys[count] = y;
        stamps[count] = stamp;
        count++;
    }

    /** Puts the listed pointers on the board (any thread, while this surface is not shown). */
    int[] compose() {
        raster.begin();
        for (int i = 0; i < count; i++) {
            raster.stamp(stamps[i], xs[i], ys[i]);
        }
        return raster.dirty();
    }

    /** Hands the changed region to the renderer (FX thread). */
    void publish(int[] dirty) {
        if (dirty != null) {
            buffer.updateBuffer(b -> new Rectangle2D(dirty[0], dirty[1], dirty[2], dirty[3]));
        }
    }
}
