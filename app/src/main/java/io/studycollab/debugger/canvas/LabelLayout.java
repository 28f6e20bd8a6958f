package io.studycollab.debugger.canvas;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the name tags go so they never cover each other: each tag tries the four corners around
 * its pointer (below right first, where it has always been), full name before short name; a tag
 * that fits nowhere is hidden, and its name is shown when the mouse points at it. Pure arithmetic
 * in view pixels, so it is tested without a window.
 */
final class LabelLayout {

    /** Tag height in view pixels. */
    static final double HEIGHT = 18;
    /** Space kept between two tags, so neighbours stay readable. */
    private static final double GAP = 2;

    /**
     * A pointer's tip in view pixels, the widths of its tag with the full and the short name, and
     * the corner it had last frame (tried first, so a moving crowd's tags do not hop about).
     */
    record Tag(double x, double y, double fullWidth, double shortWidth, int lastCorner) {
        Tag(double x, double y, double fullWidth, double shortWidth) {
            this(x, y, fullWidth, shortWidth, 0);
        }
    }

    enum Kind {
        FULL,
        SHORT,
        HIDDEN
    }

    /** Where a tag is drawn (its top-left corner), with which name, and which corner of its pointer that is (0–3). */
    record Placement(Kind kind, double left, double top, int corner) {
        static final Placement NONE = new Placement(Kind.HIDDEN, 0, 0, 0);
    }

    private LabelLayout() {}

    /** The tag's usual place: below right of the pointer. */
    static Placement usual(Tag t) {
        return new Placement(Kind.FULL, t.x() + 12, t.y() + 14, 0);
    }

    /**
     * Places {@code tags} in order (earlier ones win a contested spot) inside a view of
     * {@code width}×{@code height}; one placement per tag, in the same order.
     */
    static List<Placement> place(List<Tag> tags, double width, double height) {
        return place(tags, width, height, List.of());
    }

    /**
     * As above, keeping clear of {@code keepClear} (rectangles {left, top, width} of tag height,
     * such as the status note) as if they were tags placed first.
     */
    static List<Placement> place(List<Tag> tags, double width, double height, List<double[]> keepClear) {
        List<Placement> out = new ArrayList<>(tags.size());
        List<double[]> taken = new ArrayList<>(tags.size() + keepClear.size());
        taken.addAll(keepClear);
        for (Tag t : tags) {
            // Inside the view beats partly outside it; a full name beats initials.
            Placement p = firstFree(t, Kind.FULL, t.fullWidth(), taken, width, height);
            if (p == null && t.shortWidth() < t.fullWidth()) {
                p = firstFree(t, Kind.SHORT, t.shortWidth(), taken, width, height);
            }
            if (p == null) {
                p = firstFree(t, Kind.FULL, t.fullWidth(), taken, Double.NaN, Double.NaN);
            }
            if (p == null) {
                out.add(Placement.NONE);
                continue;
            }
            taken.add(new double[] {p.left(), p.top(), p.kind() == Kind.FULL ? t.fullWidth() : t.shortWidth()});
            out.add(p);
        }
        return out;
    }

    /** The first corner free of other tags (and inside the view, unless its size is NaN), or null. */
    private static Placement firstFree(Tag t, Kind kind, double w, List<double[]> taken, double width, double height) {
        double[][] corners = {
            {t.x() + 12, t.y() + 14}, // below right
            {t.x() + 12, t.y() - HEIGHT - 2}, // above right
            {t.x() - w - 4, t.y() + 14}, // below left
            {t.x() - w - 4, t.y() - HEIGHT - 2} // above left
        };
        boolean anywhere = Double.isNaN(width);
        int first = Math.floorMod(t.lastCorner(), corners.length);
        for (int k = 0; k < corners.length; k++) {
            // Last frame's corner first, then the usual order.
            int i = k == 0 ? first : k <= first ? k - 1 : k;
            double[] c = corners[i];
            boolean inside = c[0] >= 0 && c[1] >= 0 && c[0] + w <= width && c[1] + HEIGHT <= height;
            if ((anywhere || inside) && !overlapsAny(c[0], c[1], w, taken)) {
                return new Placement(kind, c[0], c[1], i);
            }
        }
        return null;
    }

    private static boolean overlapsAny(double left, double top, double w, List<double[]> taken) {
        for (double[] r : taken) {
            if (left < r[0] + r[2] + GAP
                    && r[0] < left + w + GAP
                    && top < r[1] + HEIGHT + GAP
                    && r[1] < top + HEIGHT + GAP) {
                return true;
            }
        }
        return false;
    }
}
