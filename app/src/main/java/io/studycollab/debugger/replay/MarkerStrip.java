package io.studycollab.debugger.replay;

import io.studycollab.realtime.replay.SessionTimeline.Marker;
import io.studycollab.realtime.replay.SessionTimeline.MarkerKind;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The strip above the replay scrubber: a tick per drop, error, malformed event, join and leave, at
 * its time. A file of millions of records may hold a hundred thousand markers and is redrawn every
 * pulse while it is indexed, so markers are first folded into one bit per kind per pixel column and
 * each column draws at most one tick of each kind.
 */
final class MarkerStrip extends Canvas {

    // Drops and errors last, so red is on top where kinds share a column.
    private static final MarkerKind[] DRAW_ORDER = {
        MarkerKind.LEAVE, MarkerKind.JOIN, MarkerKind.MALFORMED, MarkerKind.ERROR, MarkerKind.DROP
    };
    private static final Color RED = Color.web("#cf222e");
    private static final Color AMBER = Color.web("#bf8700");
    private static final Color GREEN = Color.web("#2da44e");
    private static final Color GREY = Color.web("#8c959f");

    MarkerStrip() {
        super(10, 10);
    }

    void clear() {
        getGraphicsContext2D().clearRect(0, 0, getWidth(), getHeight());
    }

    /** Draws {@code markers} on a track from {@code startMillis} to {@code endMillis}. */
    void draw(List<Marker> markers, long startMillis, long endMillis) {
        clear();
        double w = getWidth();
        if (endMillis <= startMillis || w < 3) {
            return;
        }
        int columns = (int) w;
        byte[] kindsAt = new byte[columns];
        double span = endMillis - startMillis;
        for (Marker m : markers) {
            int x = (int) ((m.wallMillis() - startMillis) / span * (w - 2));
            if (x >= 0 && x < columns) {
                kindsAt[x] |= (byte) (1 << m.kind().ordinal());
            }
        }
        GraphicsContext g = getGraphicsContext2D();
        for (MarkerKind kind : DRAW_ORDER) {
            g.setFill(colour(kind));
            int bit = 1 << kind.ordinal();
            for (int x = 0; x < columns; x++) {
                if ((kindsAt[x] & bit) != 0) {
                    g.fillRect(x, 1, 2, 8);
                }
            }
        }
    }

    private static Color colour(MarkerKind kind) {
        return switch (kind) {
            case DROP, ERROR -> RED;
            case MALFORMED -> AMBER;
            case JOIN -> GREEN;
            case LEAVE -> GREY;
        };
    }
}
