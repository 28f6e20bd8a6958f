package io.studycollab.debugger.fx;

import javafx.scene.paint.Color;

/**
 * One colour per user, the same in the presence bar, the member list, the canvas and the log. Your
 * own colour is {@link #SELF}, a hue no other member can get: everyone else's hue is drawn from
 * the circle with a band around it left out, so "You" is never mistaken for someone else.
 */
public final class UserColors {

    public static final double SELF_HUE = 210;
    /** Half the width of the band around {@link #SELF_HUE} that nobody else gets. */
    public static final double SELF_BAND = 25;

    public static final Color SELF = Color.hsb(SELF_HUE, 0.90, 0.95);

    private UserColors() {}

    /** {@code userId}'s colour as seen by {@code selfId} (null when not connected). */
    public static Color of(String userId, String selfId) {
        return userId != null && userId.equals(selfId) ? SELF : of(userId);
    }

    /** The colour of someone who is not you. */
    public static Color of(String userId) {
        if (userId == null) {
            return Color.GRAY;
        }
        int h = userId.hashCode();
        h ^= (h >>> 16);
        h *= 0x45d9f3b;
        h ^= (h >>> 16);
        double span = 360 - 2 * SELF_BAND;
        double hue = (SELF_HUE + SELF_BAND + Math.floorMod(h, (int) span)) % 360;
        return Color.hsb(hue, 0.65, 0.80);
    }

    public static String css(String userId) {
        Color c = of(userId);
        return String.format(
                "#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
