package io.studycollab.debugger.replay;

import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.realtime.replay.SessionTimeline;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * How far a recording opened in the background is indexed, as the FX side sees it: once per pulse
 * (the models' phase) it reads the timeline's size and end, which take no lock, until indexing ends.
 * The replay bar, the status figures and the file's description follow these properties rather than
 * the timeline, so everything on screen agrees. While the index grows they change at most ten times
 * a second (as the event table refreshes): each change re-lays out the bar, the status bar and the
 * note and redraws the markers, and a count changing every frame is not read any better. The end of
 * indexing is published on the pulse it is seen.
 */
public final class IndexProgress {

    private static final long PUBLISH_EVERY_NANOS = 100_000_000L;

    private final FxEventPump pump;
    private final ReadOnlyIntegerWrapper records = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyLongWrapper endMillis = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper indexing = new ReadOnlyBooleanWrapper(false);
    private FxEventPump.Registration following;
    private SessionTimeline timeline;
    private long lastPublished;

    IndexProgress(FxEventPump pump) {
        this.pump = pump;
    }

    /**
     * Reads {@code t} now and then every pulse while it is indexed; {@code whenIndexed} runs once,
     * on the FX thread, when the whole file is indexed (at once when it already is).
     */
    void follow(SessionTimeline t, Consumer<SessionTimeline> whenIndexed) {
        stop();
        timeline = t;
        if (publish(t)) {
            whenIndexed.accept(t);
            return;
        }
        lastPublished = 0;
        following = pump.onPulse(FxEventPump.Phase.MODELS, now -> {
            if (timeline != t) {
                return;
            }
            if (!t.indexing()) {
                publish(t);
                stop();
                whenIndexed.accept(t);
            } else if (lastPublished == 0 || now - lastPublished >= PUBLISH_EVERY_NANOS) {
                lastPublished = now;
                publish(t);
            }
        });
    }

    /** Updates the properties from {@code t}; true when its index is complete. */
    private boolean publish(SessionTimeline t) {
        // Indexing read first: when it says done, the size read after it is the final one.
        boolean done = !t.indexing();
        long end = t.endMillis();
        int n = t.size();
        endMillis.set(end); // before the count: views redraw when the count changes
        records.set(n);
        indexing.set(!done);
        return done;
    }

    /** Stops following (the recording was closed); the properties keep their last values. */
    void stop() {
        if (following != null) {
            following.cancel();
            following = null;
        }
        timeline = null;
        indexing.set(false);
    }

    /** Records indexed so far (all of them once {@link #indexingProperty()} is false). */
    public ReadOnlyIntegerProperty recordsProperty() {
        return records.getReadOnlyProperty();
    }

    /** The time of the last record indexed so far. */
    public ReadOnlyLongProperty endMillisProperty() {
        return endMillis.getReadOnlyProperty();
    }

    /** True while the file is still being indexed on the timeline's thread. */
    public ReadOnlyBooleanProperty indexingProperty() {
        return indexing.getReadOnlyProperty();
    }

    public int records() {
        return records.get();
    }

    public long endMillis() {
        return endMillis.get();
    }

    public boolean indexing() {
        return indexing.get();
    }
}
