package io.studycollab.debugger.server;

import io.studycollab.realtime.admin.AdminSnapshot;
import io.studycollab.realtime.admin.crosscheck.CrossCheck;
import io.studycollab.realtime.admin.crosscheck.CrossCheckRecords;
import io.studycollab.realtime.admin.crosscheck.Divergence;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the cross-check (server room membership vs the presence our client folded) for the group we
 * are in, and puts what opened and what was resolved into the shared stream as records, so the log,
 * the QA consistency check, recordings and replay all see them. Called on the feed thread only.
 */
final class DivergenceWatch {

    private final CrossCheck check = new CrossCheck();
    private final Supplier<PresenceSnapshot> presence;
    private final EventHub hub;
    private final Clock clock;
    private List<Divergence> current = List.of();

    DivergenceWatch(Supplier<PresenceSnapshot> presence, EventHub hub, Clock clock) {
        this.presence = presence;
        this.hub = hub;
        this.clock = clock;
    }

    /** Compares {@code server} with the fold as it stands; returns what is open now. */
    List<Divergence> check(AdminSnapshot server) {
        long now = clock.wallMillis();
        CrossCheck.Result result = check.check(server, presence.get(), now);
        for (EventRecord r : CrossCheckRecords.of(result, now, clock.monoNanos())) {
            hub.publish(r);
        }
        current = result.current();
        return current;
    }

    /**
     * Nothing to compare (no admin connection, or it is not our client's server): whatever was open is
     * resolved, nothing is known any more.
     */
    List<Divergence> clear() {
        AdminSnapshot none = ServerReading.EMPTY.snapshot();
        long now = clock.wallMillis();
        CrossCheck.Result result = check.check(none, PresenceSnapshot.EMPTY, now);
        for (EventRecord r : CrossCheckRecords.of(result, now, clock.monoNanos())) {
            hub.publish(r);
        }
        current = List.of();
        return current;
    }
}
