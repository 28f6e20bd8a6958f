package io.studycollab.debugger.canvas;

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
 * when what it shows changed. Past {@link CursorCanvas#LABEL_LIMIT} pointers the name tags (which
 * would only cover each other) give way to the name of the pointer under the mouse.
 */
final class LabelOverlay extends Canvas {

    static final String EMPTY_HINT = "No cursors yet: members' pointers appear here. Move your mouse to share yours.";
    private static final Font LABEL_FONT = Font.font(null, FontWeight.BOLD, 12);

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
        if (f.labels()) {
            for (Sprite s : f.shown()) {
                g.setGlobalAlpha(s.drawnFaded ? PointerCompositor.fadedOpacity() : 1);
                drawTag(g, s, f.density());
            }
            g.setGlobalAlpha(1);
        } else if (f.hovered() != null) {
            drawTag(g, f.hovered(), f.density());
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
        if (!f.note().isEmpty()) {
            g.setFill(muted);
            g.setFont(Font.font(11));
            g.fillText(f.note(), 8, h - 8);
        }
    }

    private static void drawTag(GraphicsContext g, Sprite s, double density) {
        // Where the pointer was put, so the tag never lags its arrow by a pixel.
        double px = (s.drawnX + Math.round(density)) / density;
        double py = (s.drawnY + Math.round(density)) / density;
        g.setFill(s.color);
        g.fillRoundRect(px + 12, py + 14, s.labelWidth, 18, 8, 8);
        g.setFill(Color.WHITE);
        g.fillText(s.name, px + 17, py + 27);
    }
}
