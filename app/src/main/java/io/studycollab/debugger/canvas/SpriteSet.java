package io.studycollab.debugger.canvas;

import io.studycollab.debugger.fx.UserColors;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.Payloads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javafx.scene.paint.Color;

/**
 * The pointers to draw and how they move, without drawing anything: one sprite per member, those
 * with a cursor shown, each gliding toward its latest position (exponential smoothing per frame,
 * not jumps) and faded when its user is inactive or silent. Pure, so it is tested on numbers.
 */
final class SpriteSet {

    /** Milliseconds without a cursor update after which a pointer is drawn faded. */
    static final long STALE_MILLIS = 10_000;
    // Reach ~90 % of the way to a new position in about 100 ms, whatever the frame rate.
    private static final double FOLLOW_RATE = 23;

    private final Map<String, Sprite> sprites = new HashMap<>();
    private final List<Sprite> shown = new ArrayList<>();
    private final ToDoubleFunction<String> labelWidth;

    /** {@code labelWidth} measures a name tag for a name (the view measures it in its font). */
    SpriteSet(ToDoubleFunction<String> labelWidth) {
        this.labelWidth = labelWidth;
    }

    /** Who is in the group, their names and activity; call when the roster changed. */
    void syncRoster(List<Member> members) {
        syncRoster(members, null);
    }

    /** As above; {@code selfId}'s pointer has your own colour, which nobody else gets. */
    void syncRoster(List<Member> members, String selfId) {
        Set<String> present = new HashSet<>();
        for (Member m : members) {
            Color colour = UserColors.of(m.userId(), selfId);
            Sprite s = sprites.get(m.userId());
            if (s == null || !s.color.equals(colour)) {
                s = new Sprite(m.userId(), colour);
                sprites.put(m.userId(), s);
            }
            String name = m.displayName() == null ? m.userId() : m.displayName();
            if (!name.equals(s.name)) {
                s.name = name;
                s.labelWidth = labelWidth.applyAsDouble(name);
                s.shortName = m.initials();
                s.shortWidth = labelWidth.applyAsDouble(s.shortName);
            }
            s.active = m.active();
            present.add(m.userId());
        }
        sprites.keySet().retainAll(present);
    }

    /** Where each member's cursor is heading now; members without a cursor are not shown. */
    void syncCursors(List<Member> members, long nowNanos) {
        shown.clear();
        for (Member m : members) {
            Payloads.Cursor c = m.cursor();
            Sprite s = c == null ? null : sprites.get(m.userId());
            if (s == null) {
                continue;
            }
            if (Double.isNaN(s.x)) {
                s.x = c.x();
                s.y = c.y();
                s.targetX = c.x();
                s.targetY = c.y();
                s.updatedAtNanos = nowNanos;
            } else if (s.targetX != c.x() || s.targetY != c.y()) {
                s.targetX = c.x();
                s.targetY = c.y();
                s.updatedAtNanos = nowNanos;
            }
            shown.add(s);
        }
    }

    /**
     * Moves every shown pointer {@code dtSeconds} toward its target and puts it on a whole device
     * pixel; true when any pointer changed pixel or fading (a frame that moved nothing draws nothing).
     * With {@code allFaded} (the connection is down: these are last known positions) every pointer fades.
     */
    boolean step(double dtSeconds, BoardGeometry fit, double density, long nowNanos, boolean allFaded) {
        double follow = 1 - Math.exp(-dtSeconds * FOLLOW_RATE);
        int tip = (int) Math.round(density);
        boolean changed = false;
        for (Sprite s : shown) {
            s.x += (s.targetX - s.x) * follow;
            s.y += (s.targetY - s.y) * follow;
            int dx = fit.deviceX(s.x, density) - tip;
            int dy = fit.deviceY(s.y, density) - tip;
            boolean faded = allFaded || !s.active || (nowNanos - s.updatedAtNanos) / 1_000_000 > STALE_MILLIS;
            if (dx != s.drawnX || dy != s.drawnY || faded != s.drawnFaded) {
                s.drawnX = dx;
                s.drawnY = dy;
                s.drawnFaded = faded;
                changed = true;
            }
        }
        return changed;
    }

    /** The pointers drawn this frame. */
    List<Sprite> shown() {
        return Collections.unmodifiableList(shown);
    }

    /** The shown pointer nearest to a view point, within 20 view pixels of it, or null. */
    Sprite nearest(BoardGeometry fit, double viewX, double viewY) {
        if (viewX < 0) {
            return null;
        }
        Sprite hovered = null;
        double best = 20 * 20;
        for (Sprite s : shown) {
            double[] p = fit.toView(s.x, s.y);
            double d = (p[0] - viewX) * (p[0] - viewX) + (p[1] - viewY) * (p[1] - viewY);
            if (d < best) {
                best = d;
                hovered = s;
            }
        }
        return hovered;
    }

    /** Board position a user's pointer is drawn at, or null when it is not shown. */
    double[] position(String userId) {
        Sprite s = sprites.get(userId);
        return s == null || Double.isNaN(s.x) || !shown.contains(s) ? null : new double[] {s.x, s.y};
    }
}
