package io.studycollab.debugger.canvas;

/**
 * A small premultiplied-ARGB image prepared for fast compositing: for each row, the span from its
 * first to its last visible pixel, so the transparent part of the bounding box (half of a pointer's)
 * is never visited.
 */
final class Stamp {

    private final int width;
    private final int height;
    private final int[] pixels;
    private final int[] spanStart;
    private final int[] spanEnd;

    Stamp(int width, int height, int[] pixels) {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException("stamp needs " + width + "×" + height + " pixels, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.spanStart = new int[height];
        this.spanEnd = new int[height];
        for (int y = 0; y < height; y++) {
            int first = width;
            int last = 0;
            for (int x = 0; x < width; x++) {
                if (pixels[y * width + x] >>> 24 != 0) {
                    first = Math.min(first, x);
                    last = x + 1;
                }
            }
            spanStart[y] = Math.min(first, last);
            spanEnd[y] = last;
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int[] pixels() {
        return pixels;
    }

    /** First visible column of a row (equal to {@link #spanEnd} when the row is empty). */
    int spanStart(int row) {
        return spanStart[row];
    }

    /** One past the last visible column of a row. */
    int spanEnd(int row) {
        return spanEnd[row];
    }
}
