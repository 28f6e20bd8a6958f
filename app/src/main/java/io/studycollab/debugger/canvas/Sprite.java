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
    boolean active;
    int drawnX = Integer.MIN_VALUE;
    int drawnY;
    boolean drawnFaded;

    Sprite(String userId, Color color) {
        this.userId = userId;
        this.color = color;
    }
}
