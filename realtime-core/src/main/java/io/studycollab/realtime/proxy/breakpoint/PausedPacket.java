package io.studycollab.realtime.proxy.breakpoint;

import io.studycollab.realtime.proxy.Flow;
import io.studycollab.realtime.proxy.PacketView;
import io.studycollab.realtime.proxy.ProxyConnection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * A packet stopped at a breakpoint, with the later packets of its connection and direction waiting
 * behind it. Resolved exactly once: by the user (forward, forward edited, drop) or, at
 * {@link #deadlineMillis()}, by the auto-release so a forgotten breakpoint never hangs the real app.
 */
public final class PausedPacket {

    public enum Resolution {
        FORWARDED,
        EDITED,
        DROPPED,
        AUTO_RELEASED
    }

    private final long id;
    private final Breakpoint breakpoint;
    private final PacketView view;
    private final long deadlineMillis;
    private final BiConsumer<PausedPacket, Outcome> resolver;
    private final AtomicBoolean resolved = new AtomicBoolean();

    /** What the user decided: how, and the Socket.IO JSON to send when edited. */
    record Outcome(Resolution resolution, String editedJson) {}

    PausedPacket(
            long id,
            Breakpoint breakpoint,
            PacketView view,
            long deadlineMillis,
            BiConsumer<PausedPacket, Outcome> resolver) {
        this.id = id;
        this.breakpoint = breakpoint;
        this.view = view;
        this.deadlineMillis = deadlineMillis;
        this.resolver = resolver;
    }

    public long id() {
        return id;
    }

    public Breakpoint breakpoint() {
        return breakpoint;
    }

    public PacketView view() {
        return view;
    }

    public ProxyConnection connection() {
        return view.connection();
    }

    public Flow flow() {
        return view.flow();
    }

    /** Wall time at which the auto-release forwards it unchanged (for the countdown). */
    public long deadlineMillis() {
        return deadlineMillis;
    }

    public boolean isResolved() {
        return resolved.get();
    }

    /** Sends it on unchanged. Returns false if it was already resolved. */
    public boolean forward() {
        return resolve(new Outcome(Resolution.FORWARDED, null));
    }

    /**
     * Sends it on with its Socket.IO JSON replaced, e.g. {@code ["cursor:update",{"x":1,"y":2}]} for an
     * event. Throws {@link IllegalArgumentException} (and stays paused) when the JSON is invalid.
     */
    public boolean forwardEdited(String json) {
        EditedJson.validate(view, json);
        return resolve(new Outcome(Resolution.EDITED, json));
    }

    /** Drops it; the packets behind it go on. */
    public boolean drop() {
        return resolve(new Outcome(Resolution.DROPPED, null));
    }

    boolean autoRelease() {
        return resolve(new Outcome(Resolution.AUTO_RELEASED, null));
    }

    private boolean resolve(Outcome outcome) {
        if (!resolved.compareAndSet(false, true)) {
            return false;
        }
        resolver.accept(this, outcome);
        return true;
    }

    @Override
    public String toString() {
        return "paused #" + id + " " + view.name() + " " + view.flow().label() + " on "
                + view.connection().id();
    }
}
