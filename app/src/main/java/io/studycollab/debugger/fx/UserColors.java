package io.studycollab.debugger.fx;

import javafx.scene.paint.Color;

/** One colour per user, the same in the presence bar, the member list, the canvas and the log. */
public final class UserColors {

    private UserColors() {}

    public static Color of(String userId) {
        if (userId == null) {
            return Color.GRAY;
        }
        int h = userId.hashCode();
        h ^= (h >>> 16);
        h *= 0x45d9f3b;
        h ^= (h >>> 16);
        double hue = Math.floorMod(h, 360);
        return Color.hsb(hue, 0.65, 0.80);
    }

    public static String css(String userId) {
        Color c = of(userId);
        return String.format(
                "#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
