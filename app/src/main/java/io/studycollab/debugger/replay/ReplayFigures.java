package io.studycollab.debugger.replay;

import io.studycollab.realtime.replay.SessionTimeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/**
 * What the status bar's figures say while a recording is shown: where the playhead is in the file
 * (event N of M, time into the recording of its length), never the live connection's rates.
 */
public final class ReplayFigures {

    private ReplayFigures() {}

    /** "event 12 of 1,200 · 0:03.4 of 0:35.0", or null when no file is loaded. */
    public static StringBinding of(ReplayModel replay) {
        return Bindings.createStringBinding(
                () -> {
                    SessionTimeline t = replay.timelineProperty().get();
                    if (t == null) {
                        return null;
                    }
                    long at = Math.max(0, replay.playheadMillisProperty().get() - t.startMillis());
                    long length = Math.max(0, t.endMillis() - t.startMillis());
                    return String.format(
                            "event %,d of %,d in the file · %s of %s",
                            replay.positionProperty().get(), t.size(), clock(at), clock(length));
                },
                replay.timelineProperty(),
                replay.positionProperty(),
                replay.playheadMillisProperty());
    }

    static String clock(long millis) {
        long tenths = millis / 100;
        return String.format("%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }
}
