package io.studycollab.realtime.qa.swarm;

import java.util.Locale;

/** How virtual users act. */
public enum SwarmBehaviour {
    /** Cursors glide at the cursor rate, tools change now and then, the odd custom event. */
    WANDER,
    /** Connected and joined, heartbeats only: presence load without traffic. */
    IDLE,
    /** Quiet, then bursts of custom events and cursor moves. */
    BURST,
    /** Like wander, but users leave and rejoin the group every few seconds. */
    CHURN;

    public static SwarmBehaviour parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("behaviour must be wander, idle, burst or churn");
        }
    }
}
