package io.studycollab.debugger.canvas;

import java.util.Arrays;

/**
 * The board and every pointer on it as one premultiplied-ARGB pixel array, composited in Java so
 * the scene shows a single image: one texture upload per frame instead of one draw call per
 * pointer, which is what keeps thousands of cursors at frame rate on a software pipeline.
 *
 * <p>A frame is {@link #begin()}, one {@link #stamp} per pointer, then {@link #dirty()}: only the
 * places pointers left and reached are restored and uploaded, so a few moving cursors cost a few
 * small rectangles, not the whole board.
 */
final class PointerRaster {

    private final int width;
    private final int height;
    private final int[] pixels;
    private final int[] background;
    // Rectangles stamped in the previous and the current frame: x, y, w, h per entry.
    private int[] previous = new int[64];
    private int previousCount;
    private int[] current = new int[64];
    private int currentCount;
    private int dirtyX0;
    private int dirtyY0;
    private int dirtyX1;
    private int dirtyY1;

    PointerRaster(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("raster needs at least one pixel, got " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        this.background = new int[width * height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The composited pixels, the array the on-screen image is backed by. */
    int[] pixels() {
        return pixels;
    }

    /**
     * Paints the backdrop: the view around the board, the board itself and its grid, in device
     * pixels, each axis at its own scale. Grid lines sit on whole pixels so they stay one crisp pixel
     * wide at any scale.
     */
    void paintBoard(
            int outside,
            int boardFill,
            int gridLine,
            double scaleX,
            double scaleY,
            double offsetX,
            double offsetY,
            double boardWidth,
            double boardHeight,
            double gridStep) {
        Arrays.fill(background, opaque(outside));
        int x0 = clampX((int) Math.round(offsetX));
        int y0 = clampY((int) Math.round(offsetY));
        int x1 = clampX((int) Math.round(offsetX + boardWidth * scaleX));
        int y1 = clampY((int) Math.round(offsetY + boardHeight * scaleY));
        int fill = opaque(boardFill);
        for (int y = y0; y < y1; y++) {
            Arrays.fill(background, y * width + x0, y * width + x1, fill);
        }
        int line = opaque(gridLine);
        for (double g = 0; g <= boardWidth; g += gridStep) {
            int x = Math.min(x1 - 1, (int) Math.round(offsetX + g * scaleX));
            if (x >= 0 && x < width) {
                for (int y = y0; y < y1; y++) {
                    background[y * width + x] = line;
                }
            }
        }
        for (double g = 0; g <= boardHeight; g += gridStep) {
            int y = Math.min(y1 - 1, (int) Math.round(offsetY + g * scaleY));
            if (y >= 0 && y < height && x1 > x0) {
                Arrays.fill(background, y * width + x0, y * width + x1, line);
            }
        }
        System.arraycopy(background, 0, pixels, 0, pixels.length);
        previousCount = 0;
        currentCount = 0;
        markDirty(0, 0, width, height);
    }

    /** Starts a frame: takes the pointers of the last one off the board. */
    void begin() {
        int[] swap = previous;
        previous = current;
        previousCount = currentCount;
        current = swap;
        currentCount = 0;
        long area = 0;
        for (int i = 0; i < previousCount; i++) {
            area += (long) previous[i * 4 + 2] * previous[i * 4 + 3];
        }
        // Past a quarter of the surface one straight copy beats thousands of small ones.
        if (area * 4 > (long) width * height) {
            System.arraycopy(background, 0, pixels, 0, pixels.length);
            markDirty(0, 0, width, height);
            return;
        }
        for (int i = 0; i < previousCount; i++) {
            int x = previous[i * 4];
            int y = previous[i * 4 + 1];
            int w = previous[i * 4 + 2];
            int h = previous[i * 4 + 3];
            for (int row = y; row < y + h; row++) {
                System.arraycopy(background, row * width + x, pixels, row * width + x, w);
            }
            markDirty(x, y, x + w, y + h);
        }
    }

    /** Composites a stamp with its top-left corner at (x, y), clipped to the surface. */
    void stamp(Stamp stamp, int x, int y) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + stamp.width());
        int y1 = Math.min(height, y + stamp.height());
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        int[] image = stamp.pixels();
        int imageWidth = stamp.width();
        int[] pixels = this.pixels;
        int width = this.width;
        for (int row = y0; row < y1; row++) {
            int r = row - y;
            int from = Math.max(x0, x + stamp.spanStart(r));
            int to = Math.min(x1, x + stamp.spanEnd(r));
            int src = r * imageWidth + (from - x);
            int dst = row * width + from;
            for (int col = from; col < to; col++, src++, dst++) {
                int s = image[src];
                int a = s >>> 24;
                if (a == 255) {
                    pixels[dst] = s;
                } else if (a != 0) {
                    pixels[dst] = over(s, a, pixels[dst]);
                }
            }
        }
        if (currentCount * 4 == current.length) {
            current = Arrays.copyOf(current, current.length * 2);
        }
        current[currentCount * 4] = x0;
        current[currentCount * 4 + 1] = y0;
        current[currentCount * 4 + 2] = x1 - x0;
        current[currentCount * 4 + 3] = y1 - y0;
        currentCount++;
        markDirty(x0, y0, x1, y1);
    }

    /**
     * What changed since the last call as {x, y, width, height}, or null when nothing did; the
     * region is then cleared.
     */
    int[] dirty() {
        if (dirtyX1 <= dirtyX0 || dirtyY1 <= dirtyY0) {
            return null;
        }
        int[] r = {dirtyX0, dirtyY0, dirtyX1 - dirtyX0, dirtyY1 - dirtyY0};
        dirtyX0 = dirtyY0 = Integer.MAX_VALUE;
        dirtyX1 = dirtyY1 = Integer.MIN_VALUE;
        return r;
    }

    /** Premultiplied ARGB at a device pixel; for tests. */
    int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    private void markDirty(int x0, int y0, int x1, int y1) {
        if (dirtyX1 <= dirtyX0 || dirtyY1 <= dirtyY0) {
            dirtyX0 = x0;
            dirtyY0 = y0;
            dirtyX1 = x1;
            dirtyY1 = y1;
            return;
        }
        dirtyX0 = Math.min(dirtyX0, x0);
        dirtyY0 = Math.min(dirtyY0, y0);
        dirtyX1 = Math.max(dirtyX1, x1);
        dirtyY1 = Math.max(dirtyY1, y1);
    }

    /**
     * Source-over for premultiplied colours, src + dst × (1 − srcAlpha), two channels per multiply.
     * Premultiplied channels never exceed alpha, so no channel can carry into the next.
     */
    static int over(int s, int a, int d) {
        int inv = 255 - a;
        int rb = (d & 0x00ff00ff) * inv + 0x00800080;
        rb = ((rb + ((rb >>> 8) & 0x00ff00ff)) >>> 8) & 0x00ff00ff;
        int ag = ((d >>> 8) & 0x00ff00ff) * inv + 0x00800080;
        ag = (ag + ((ag >>> 8) & 0x00ff00ff)) & 0xff00ff00;
        return s + (ag | rb);
    }

    /** Rounded v / 255 for v in 0..65025, without a division. */
    static int div255(int v) {
        v += 128;
        return (v + (v >>> 8)) >>> 8;
    }

    private static int opaque(int rgb) {
        return 0xff000000 | rgb;
    }

    private int clampX(int x) {
        return Math.max(0, Math.min(width, x));
    }

    private int clampY(int y) {
        return Math.max(0, Math.min(height, y));
    }
}
