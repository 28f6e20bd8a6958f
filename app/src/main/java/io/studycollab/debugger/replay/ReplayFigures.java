package io.studycollab.debugger.replay;

import io.studycollab.realtime.replay.SessionTimeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/**
 * What the status bar's figures say while a recording is shown: where the playhead is in the file
 * (event N of M, time into the recording of its length), never the live connection's rates. While
 * the file is still being indexed, M and the length are what is indexed so far, and say so.
 */
public final class ReplayFigures {

    private ReplayFigures() {}

    /**
     * "event 12 of 1,200 in the file · 0:03.4 of 0:35.0" ("of 1,200 indexed so far" while indexing),
     * or null when no file is loaded.
     */
    public static StringBinding of(ReplayModel replay) {
        IndexProgress progress = replay.progress();
        return Bindings.createStringBinding(
                () -> {
                    SessionTimeline t = replay.timelineProperty().get();
                    if (t == null) {
                        return null;
                    }
                    long at = Math.max(0, replay.playheadMillisProperty().get() - t.startMillis());
                    long length = Math.max(0, progress.endMillis() - t.startMillis());
                    return String.format(
                            "event %,d of %,d %s · %s of %s",
                            replay.positionProperty().get(),
                            progress.records(),
                            progress.indexing() ? "indexed so far" : "in the file",
                            clock(at),
                            clock(length));
                },
                replay.timelineProperty(),
                replay.positionProperty(),
                replay.playheadMillisProperty(),
                progress.recordsProperty(),
                progress.endMillisProperty(),
                progress.indexingProperty());
    }

    static String clock(long millis) {
        long tenths = millis / 100;
        return String.format("%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }
}
