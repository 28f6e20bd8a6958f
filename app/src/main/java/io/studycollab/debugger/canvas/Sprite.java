package io.studycollab.debugger.canvas;

import javafx.scene.paint.Color;

/** A pointer being drawn: where it is now, where it is heading, and where it was last put. */
final class Sprite {
    final String userId;
    final Color color;
    double x = Double.NaN;
    double y;
    double targetX;
    double targetY;
    long updatedAtNanos;
    String name;
    double labelWidth;
    // The member's initials ("V10"), for a tag with no room for the full name.
    String shortName;
    double shortWidth;
    // The corner of the pointer its tag was in last frame (LabelLayout), kept while there is room.
    int tagCorner;
    boolean active;
    int drawnX = Integer.MIN_VALUE;
    int drawnY;
    boolean drawnFaded;

    Sprite(String userId, Color color) {
        this.userId = userId;
        this.color = color;
    }
}
