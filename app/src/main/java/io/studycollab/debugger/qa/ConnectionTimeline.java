package io.studycollab.debugger.qa;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.qa.diagnostics.DiagnosticsReport;
import io.studycollab.realtime.session.Redactor;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The latest connection events (state changes, attempts, rejoins, flushes, network switches) as
 * lines, kept up to date from the pump's batches: each record is looked at once, when it arrives,
 * instead of scanning the whole history every second.
 */
public final class ConnectionTimeline {

    /** Lines kept; older ones scroll away. */
    public static final int KEEP = 200;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final Redactor redactor;
    private final ObservableList<String> entries = FXCollections.observableArrayList();
    private final ObservableList<String> view = FXCollections.unmodifiableObservableList(entries);

    public ConnectionTimeline(Redactor redactor) {
        this.redactor = redactor;
    }

    /** On the FX thread, with each batch: appends the connection events in it (one list change). */
    public void onBatch(List<EventRecord> batch) {
        List<String> fresh = new ArrayList<>();
        for (EventRecord r : batch) {
            if (r.direction() == Direction.LOCAL && DiagnosticsReport.TIMELINE.contains(r.name())) {
                fresh.add(TIME.format(Instant.ofEpochMilli(r.wallMillis())) + "  " + describe(r));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        int overflow = entries.size() + fresh.size() - KEEP;
        if (overflow > 0) {
            List<String> all = new ArrayList<>(entries.subList(Math.min(overflow, entries.size()), entries.size()));
            all.addAll(fresh.subList(Math.max(0, fresh.size() - KEEP), fresh.size()));
            entries.setAll(all);
        } else {
            entries.addAll(fresh);
        }
    }

    private String describe(EventRecord r) {
        if (EventNames.CLIENT_STATE.equals(r.name())) {
            long retry = r.payload().path("retryInMs").asLong(-1);
            return r.payload().path("to").asText() + " — "
                    + r.payload().path("reason").asText()
                    + (retry >= 0 ? " (retry in " + retry + " ms)" : "");
        }
        if (ProfileSwitch.EVENT.equals(r.name())) {
            return "network " + ProfileSwitch.profileOf(r);
        }
        return r.name() + " " + redactor.json(r.payload());
    }

    /** The lines, oldest first. */
    public ObservableList<String> entries() {
        return view;
    }
}
