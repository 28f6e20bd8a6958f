package io.studycollab.debugger.replay;

import io.studycollab.realtime.replay.SessionTimeline;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/** The one-line description of the file shown, for the note under the connection bar and the mode. */
final class FileDescription {

    private FileDescription() {}

    /** {@link #describe} of {@code file}, following its index as it grows. */
    static StringBinding of(Path file, SessionTimeline timeline, IndexProgress progress) {
        return Bindings.createStringBinding(
                () -> describe(file, timeline, progress.records(), progress.endMillis(), progress.indexing()),
                progress.recordsProperty(),
                progress.endMillisProperty(),
                progress.indexingProperty());
    }

    /**
     * What the status bar says while a file is shown: the file's server, user, group, size and
     * length (so far, while it is indexed), so nothing there can be read as the live connection's.
     */
    static String describe(Path file, SessionTimeline t, int records, long endMillis, boolean indexing) {
        var h = t.header();
        StringBuilder s = new StringBuilder("REPLAY ").append(file.getFileName());
        if (h != null) {
            if (h.serverUrl() != null) {
                s.append(" · ").append(h.serverUrl());
            }
            if (h.user() != null) {
                s.append(" · user ").append(h.user());
            }
            if (h.group() != null) {
                s.append(" · group ").append(h.group());
            }
        }
        long seconds = Math.max(0, (endMillis - t.startMillis()) / 1000);
        s.append(String.format(
                " · %,d events%s over %d:%02d · not live",
                records, indexing ? " so far (indexing)" : "", seconds / 60, seconds % 60));
        return s.toString();
    }
}
