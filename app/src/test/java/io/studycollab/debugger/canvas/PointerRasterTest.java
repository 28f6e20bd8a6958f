package io.studycollab.debugger.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class PointerRasterTest {

    private static final int OUTSIDE = 0x101010;
    private static final int BOARD = 0xffffff;
    private static final int GRID = 0x808080;

    /** A 20×10 view with the board at scale 0.1 from (0, 0): 10 board units per grid pixel step. */
    private static PointerRaster raster() {
        PointerRaster r = new PointerRaster(20, 10);
        r.paintBoard(OUTSIDE, BOARD, GRID, 0.01, 0.01, 2, 1, 1000, 600, 500);
        return r;
    }

    @Test
    void eachAxisHasItsOwnScale() {
        PointerRaster r = new PointerRaster(20, 6);
        // Across 0.02 (1000 units = 20 px), down 0.01 (600 units = 6 px): the board fills the view.
        r.paintBoard(OUTSIDE, BOARD, GRID, 0.02, 0.01, 0, 0, 1000, 600, 500);
        assertEquals(0xff000000 | GRID, r.pixel(10, 3), "the grid line at 500 units across is at x 10");
        assertEquals(0xff000000 | GRID, r.pixel(19, 3), "the board's right edge is the view's");
        assertEquals(0xff000000 | GRID, r.pixel(4, 5), "the board's bottom edge is the view's");
        assertEquals(0xff000000 | BOARD, r.pixel(4, 3));
    }

    @Test
    void paintsOutsideBoardAndGridOnWholePixels() {
        PointerRaster r = raster();
        // Board spans x 2..12, y 1..7 (1000×600 at 0.01); grid at 0, 500 and 1000 units → x 2, 7, 11.
        assertEquals(0xff000000 | OUTSIDE, r.pixel(0, 0));
        assertEquals(0xff000000 | OUTSIDE, r.pixel(15, 5));
        assertEquals(0xff000000 | GRID, r.pixel(2, 3));
        assertEquals(0xff000000 | GRID, r.pixel(7, 3));
        assertEquals(0xff000000 | GRID, r.pixel(11, 3));
        assertEquals(0xff000000 | BOARD, r.pixel(4, 3));
        assertEquals(0xff000000 | GRID, r.pixel(4, 1));
        assertEquals(0xff000000 | GRID, r.pixel(4, 6));
        assertArrayEquals(new int[] {0, 0, 20, 10}, r.dirty());
        assertNull(r.dirty(), "dirty region is handed out once");
    }

    @Test
    void opaqueStampReplacesAndTranslucentStampBlends() {
        PointerRaster r = raster();
        r.dirty();
        r.begin();
        int red = 0xffff0000;
        int halfBlue = 0x80000080; // premultiplied: blue at 50 % opacity
        r.stamp(new Stamp(3, 1, new int[] {red, halfBlue, 0}), 4, 3);
        assertEquals(red, r.pixel(4, 3));
        // 50 % blue over white: blue full, red and green halved.
        int blended = r.pixel(5, 3);
        assertEquals(0xff, blended >>> 24);
        assertEquals(127, (blended >>> 16) & 0xff, 1);
        assertEquals(127, (blended >>> 8) & 0xff, 1);
        assertEquals(0xff, blended & 0xff);
        assertEquals(0xff000000 | BOARD, r.pixel(6, 3), "transparent pixels leave the board");
        assertArrayEquals(new int[] {4, 3, 3, 1}, r.dirty());
    }

    @Test
    void nextFrameRestoresWhereThePointerWasAndReportsBothPlaces() {
        PointerRaster r = raster();
        Stamp dot = new Stamp(1, 1, new int[] {0xff00ff00});
        r.begin();
        r.stamp(dot, 4, 3);
        r.dirty();
        r.begin();
        r.stamp(dot, 9, 5);
        assertEquals(0xff000000 | BOARD, r.pixel(4, 3));
        assertEquals(0xff00ff00, r.pixel(9, 5));
        assertArrayEquals(new int[] {4, 3, 6, 3}, r.dirty());
    }

    @Test
    void clipsStampsAtTheEdges() {
        PointerRaster r = raster();
        r.dirty();
        r.begin();
        int[] blue = new int[16];
        java.util.Arrays.fill(blue, 0xff0000ff);
        Stamp square = new Stamp(4, 4, blue);
        r.stamp(square, 18, 8);
        r.stamp(square, -2, -2);
        r.stamp(square, 40, 40);
        assertEquals(0xff0000ff, r.pixel(19, 9));
        assertEquals(0xff0000ff, r.pixel(0, 0));
        assertEquals(0xff0000ff, r.pixel(1, 1));
        assertArrayEquals(new int[] {0, 0, 20, 10}, r.dirty());
        r.begin();
        assertEquals(0xff000000 | OUTSIDE, r.pixel(19, 9));
        assertEquals(0xff000000 | OUTSIDE, r.pixel(0, 0));
    }

    @Test
    void manyPointersFallBackToOneFullCopy() {
        PointerRaster r = raster();
        int[] fill = new int[25];
        java.util.Arrays.fill(fill, 0xffabcdef);
        Stamp block = new Stamp(5, 5, fill);
        r.begin();
        r.stamp(block, 0, 0);
        r.stamp(block, 5, 0);
        r.stamp(block, 10, 5);
        r.dirty();
        r.begin();
        assertArrayEquals(new int[] {0, 0, 20, 10}, r.dirty());
        assertEquals(0xff000000 | OUTSIDE, r.pixel(0, 0));
        assertEquals(0xff000000 | GRID, r.pixel(11, 5));
    }

    @Test
    void stampsVisitOnlyTheVisibleSpanOfEachRow() {
        int o = 0xff112233;
        int t = 0x40101010;
        Stamp s = new Stamp(4, 3, new int[] {0, o, o, t, t, t, 0, o, 0, 0, 0, 0});
        assertEquals(1, s.spanStart(0));
        assertEquals(4, s.spanEnd(0));
        assertEquals(0, s.spanStart(1));
        assertEquals(4, s.spanEnd(1));
        assertEquals(s.spanStart(2), s.spanEnd(2), "an empty row has an empty span");
        PointerRaster r = raster();
        r.begin();
        r.stamp(s, 13, 2);
        assertEquals(0xff000000 | OUTSIDE, r.pixel(13, 2), "transparent pixel left alone");
        assertEquals(o, r.pixel(14, 2));
        assertEquals(o, r.pixel(16, 3));
        assertEquals(PointerRaster.over(t, 0x40, 0xff000000 | OUTSIDE), r.pixel(13, 3));
        assertEquals(0xff000000 | OUTSIDE, r.pixel(15, 3), "transparent pixel inside a span left alone");
        assertThrows(IllegalArgumentException.class, () -> new Stamp(2, 2, new int[3]));
    }

    @Test
    void packedBlendMatchesPerChannelArithmetic() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            int a = random.nextInt(256);
            int s = a << 24 | random.nextInt(a + 1) << 16 | random.nextInt(a + 1) << 8 | random.nextInt(a + 1);
            int da = random.nextInt(256);
            int d = da << 24 | random.nextInt(da + 1) << 16 | random.nextInt(da + 1) << 8 | random.nextInt(da + 1);
            int got = PointerRaster.over(s, a, d);
            for (int shift = 0; shift < 32; shift += 8) {
                long want = ((s >>> shift) & 0xff) + Math.round(((d >>> shift) & 0xff) * (255 - a) / 255.0);
                assertEquals(
                        want,
                        (got >>> shift) & 0xff,
                        "channel " + shift + " of " + Integer.toHexString(s) + " over " + Integer.toHexString(d));
            }
        }
    }

    @Test
    void refusesAnEmptySurface() {
        assertThrows(IllegalArgumentException.class, () -> new PointerRaster(0, 10));
    }

    @Test
    void pointerPixelsPaintTheBodyInTheUsersColourUnderAWhiteOutline() {
        // Three pixels: body only, outline only, half body; then the same faded.
        PointerShape shape = new PointerShape(3, 1, new int[] {255, 255, 128}, new int[] {0, 255, 0});
        Color c = Color.rgb(200, 100, 50);
        int[] p = shape.stamp(c, 1).pixels();
        assertEquals(0xffc86432, p[0]);
        assertEquals(0xffffffff, p[1]);
        assertEquals(128, p[2] >>> 24);
        assertEquals(100, (p[2] >>> 16) & 0xff, 1);
        int[] faded = shape.stamp(c, 0.35).pixels();
        assertEquals(89, faded[0] >>> 24, 1);
        assertEquals(70, (faded[0] >>> 16) & 0xff, 1);
        assertThrows(IllegalArgumentException.class, () -> new PointerShape(2, 2, new int[3], new int[4]));
    }

    @Test
    void divisionBy255IsExactlyRounded() {
        for (int v = 0; v <= 255 * 255; v++) {
            assertEquals(Math.round(v / 255.0), PointerRaster.div255(v), "v=" + v);
        }
    }
}
