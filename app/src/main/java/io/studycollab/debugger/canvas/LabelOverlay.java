package io.studycollab.debugger.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Text above the pointers: name tags, the hint on an empty board and the status note. Redrawn only
 * when what it shows changed. Tags are placed by {@link LabelLayout} so they never overlap (shortened
 * or hidden where there is no room; the hovered pointer shows its full name). Past
 * {@link CursorCanvas#LABEL_LIMIT} pointers the name tags (which
 * would only cover each other) give way to the name of the pointer under the mouse.
 */
final class LabelOverlay extends Canvas {

    static final String EMPTY_HINT = "No cursors yet: members' pointers appear here. Move your mouse to share yours.";
    private static final Font LABEL_FONT = Font.font(null, FontWeight.BOLD, 12);
    private static final Font NOTE_FONT = Font.font(11);

    // Measures name tags, so a tag fits its name in any font.
    private final Text measure = new Text();
    private String drawnKey;

    LabelOverlay() {
        measure.setFont(LABEL_FONT);
    }

    /** Width of the tag for {@code name}. */
    double tagWidth(String name) {
        measure.setText(name);
        return measure.getLayoutBounds().getWidth() + 10;
    }

    /** What the overlay shows this frame. */
    record Frame(List<Sprite> shown, Sprite hovered, String note, boolean labels, double density, boolean dark) {}

    /** Draws {@code f}; {@code pointersMoved} forces a redraw when tags follow their pointers. */
    void draw(Frame f, boolean pointersMoved) {
        String key = (f.shown().isEmpty() ? "hint|" : "") + f.note()
                + (f.hovered() == null
                        ? ""
                        : "|" + f.hovered().userId + "@" + f.hovered().drawnX + "," + f.hovered().drawnY)
                + "|" + getWidth() + "x" + getHeight() + (f.dark() ? "|dark" : "");
        if (!(f.labels() && pointersMoved) && key.equals(drawnKey)) {
            return;
        }
        drawnKey = key;
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        g.setFont(LABEL_FONT);
        String note = f.note();
        if (f.labels()) {
            note = drawTags(g, f, note);
        } else if (f.hovered() != null) {
            drawTag(
                    g,
                    f.hovered(),
                    f.hovered().name,
                    LabelLayout.usual(tagOf(f.hovered(), f.density())),
                    f.hovered().labelWidth);
        }
        Color muted = f.dark() ? Color.web("#8b949e") : Color.web("#57606a");
        if (f.shown().isEmpty()) {
            g.setFill(muted);
            g.setFont(Font.font(14));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(EMPTY_HINT, w / 2, h / 2);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BASELINE);
        }
        if (!note.isEmpty()) {
            g.setFill(muted);
            g.setFont(NOTE_FONT);
            g.fillText(note, 8, h - 8);
        }
    }

    /**
     * Every shown pointer's tag where {@link LabelLayout} found room (full name, else initials,
     * else none), and the hovered pointer's full name on top; the note says how many were cut.
     */
    private String drawTags(GraphicsContext g, Frame f, String note) {
        List<LabelLayout.Tag> tags = new ArrayList<>(f.shown().size());
        for (Sprite s : f.shown()) {
            tags.add(tagOf(s, f.density()));
        }
        // The status note's line stays readable; its text may still grow by the cut count below.
        measure.setFont(NOTE_FONT);
        measure.setText(note + "  ·  000 names shortened or hidden · point at one to see it");
        double noteWidth = measure.getLayoutBounds().getWidth() + 16;
        measure.setFont(LABEL_FONT);
        List<LabelLayout.Placement> places = LabelLayout.place(
                tags, getWidth(), getHeight(), List.<double[]>of(new double[] {0, getHeight() - 22, noteWidth}));
        int cut = 0;
        for (int i = 0; i < places.size(); i++) {
            Sprite s = f.shown().get(i);
            LabelLayout.Placement p = places.get(i);
            if (p.kind() != LabelLayout.Kind.FULL) {
                cut++;
            }
            if (p.kind() != LabelLayout.Kind.HIDDEN) {
                s.tagCorner = p.corner();
            }
            if (p.kind() == LabelLayout.Kind.HIDDEN || s == f.hovered()) {
                continue;
            }
            g.setGlobalAlpha(s.drawnFaded ? PointerCompositor.fadedOpacity() : 1);
            boolean full = p.kind() == LabelLayout.Kind.FULL;
            drawTag(g, s, full ? s.name : s.shortName, p, full ? s.labelWidth : s.shortWidth);
        }
        g.setGlobalAlpha(1);
        // The hovered pointer is one of the shown ones (SpriteSet.nearest looks only at those).
        int i = f.hovered() == null ? -1 : f.shown().indexOf(f.hovered());
        if (i >= 0) {
            LabelLayout.Placement p =
                    places.get(i).kind() == LabelLayout.Kind.HIDDEN ? LabelLayout.usual(tags.get(i)) : places.get(i);
            drawTag(g, f.hovered(), f.hovered().name, p, f.hovered().labelWidth);
        }
        if (cut == 0) {
            return note;
        }
        String more = cut + " names shortened or hidden · point at one to see it";
        return note.isEmpty() ? more : note + "  ·  " + more;
    }

    /** Where a sprite's pointer was put, in view pixels, so the tag never lags its arrow by a pixel. */
    private static LabelLayout.Tag tagOf(Sprite s, double density) {
        double px = (s.drawnX + Math.round(density)) / density;
        double py = (s.drawnY + Math.round(density)) / density;
        return new LabelLayout.Tag(px, py, s.labelWidth, s.shortWidth, s.tagCorner);
    }

    private static void drawTag(GraphicsContext g, Sprite s, String text, LabelLayout.Placement p, double width) {
        g.setFill(s.color);
        g.fillRoundRect(p.left(), p.top(), width, LabelLayout.HEIGHT, 8, 8);
        g.setFill(Color.WHITE);
        g.fillText(text, p.left() + 5, p.top() + 13);
    }
}
