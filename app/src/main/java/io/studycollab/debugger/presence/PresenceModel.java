package io.studycollab.debugger.presence;

import io.studycollab.debugger.connection.RealtimeModel;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.protocol.Payloads;
import io.studycollab.realtime.time.Clock;
import io.studycollab.realtime.time.Debouncer;
import java.time.Duration;

/**
 * The original {@code usePresence} hook: our own activity. Mouse and keyboard input mark us
 * active; 60 s without input marks us inactive. Presence updates are debounced so a burst of
 * input sends one {@code presence:update}.
 */
public final class PresenceModel implements AutoCloseable {

    private final RealtimeModel realtime;
    private final Clock clock;
    private boolean active = true;
    private final Debouncer<Payloads.PresenceUpdate> debouncer;
    private long lastInputNanos;

    public PresenceModel(RealtimeModel realtime, Clock clock) {
        this.realtime = realtime;
        this.clock = clock;
        this.debouncer = new Debouncer<>(clock, Duration.ofMillis(300), realtime::updatePresence);
        this.lastInputNanos = clock.monoNanos();
    }

    /** Any mouse or keyboard input from the user. */
    public void markActivity() {
        lastInputNanos = clock.monoNanos();
        if (!active) {
            active = true;
            updatePresence(new Payloads.PresenceUpdate(true, null, null));
        }
    }

    /** Called every pulse: goes inactive after the liveness window without input. */
    public void tick() {
        if (active && clock.monoNanos() - lastInputNanos >= PresenceTracker.INACTIVITY_MILLIS * 1_000_000L) {
            active = false;
            updatePresence(new Payloads.PresenceUpdate(false, null, null));
        }
    }

    public void updatePresence(Payloads.PresenceUpdate update) {
        if (realtime.isConnected() && realtime.currentGroupIdProperty().get() != null) {
            debouncer.submit(update);
        }
    }

    public void updateCursor(double x, double y) {
        markActivity();
        if (realtime.currentGroupIdProperty().get() != null) {
            realtime.updateCursor(x, y);
        }
    }

    public void changeTool(String tool) {
        markActivity();
        if (realtime.currentGroupIdProperty().get() != null) {
            realtime.changeTool(tool);
        }
    }

    @Override
    public void close() {
        debouncer.close();
    }
}
