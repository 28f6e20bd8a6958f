package io.studycollab.realtime.qa.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.protocol.EventNames;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Looks for presence that does not add up: ghosts (shown present, silent for longer than the
 * server's liveness window), cursor senders above the 20/s budget (counted over a sliding 5-second
 * window of the server's relay times, allowing a second of jitter), and lastSeen going backwards.
 */
public final class ConsistencyCheck {

    public enum Kind {
        GHOST,
        CURSOR_RATE,
        LAST_SEEN_BACKWARDS,
        /** A divergence from the server's own room membership (admin cross-check), still open. */
        SERVER_DIVERGENCE
    }

    public record Finding(Kind kind, String userId, long atMillis, String detail) {
        @Override
        public String toString() {
            return kind + " " + userId + " at " + Instant.ofEpochMilli(atMillis) + ": " + detail;
        }
    }

    public static final int CURSOR_BUDGET_PER_SECOND = 20;

    /** The client throttle's spacing between cursor updates (20/s). */
    static final long THROTTLE_INTERVAL_MILLIS = 1000 / CURSOR_BUDGET_PER_SECOND;

    /**
     * The window the budget is measured over: a rate, not a moment. A sender's event loop that stalls
     * (our own virtual users share one socket.io event thread with this window, on a busy machine) or
     * a congested link hands the server a second's updates at once, and in a one-second window that
     * looks like 30-40/s from a sender whose throttle never sent faster than 20/s.
     */
    static final long WINDOW_MILLIS = 5_000;

    /** How late an update may reach the server and still count as sent on time (a stall's flush). */
    static final long JITTER_ALLOWED_MILLIS = 1_000;

    /**
     * The most updates a sender keeping its budget can get to the server within any one window: the
     * ones sent in it plus those sent up to the jitter before it and delayed into it (121, 24.2/s; a
     * steady 25/s sender is flagged once a window is full).
     */
    static final int CURSOR_UPDATES_ALLOWED_PER_WINDOW =
            (int) ((WINDOW_MILLIS + JITTER_ALLOWED_MILLIS) / THROTTLE_INTERVAL_MILLIS) + 1;

    // Names of io.studycollab.realtime.admin.crosscheck.CrossCheckRecords, kept here as text so
    // diagnostics do not depend on the admin package.
    private static final String CROSSCHECK_OPENED = "crosscheck:divergence";
    private static final String CROSSCHECK_RESOLVED = "crosscheck:resolved";

    private ConsistencyCheck() {}

    /** Checks {@code records} as they stand at {@code nowMillis} (use the last record's time for a recording). */
    public static List<Finding> run(List<EventRecord> records, long nowMillis) {
        List<Finding> out = new ArrayList<>();
        PresenceTracker fold = new PresenceTracker();
        Map<String, ArrayDeque<Long>> cursorTimes = new HashMap<>();
        Set<String> overBudget = new HashSet<>();
        Map<String, Instant> lastSeen = new HashMap<>();
        Map<String, EventRecord> openDivergences = new LinkedHashMap<>();
        for (EventRecord r : records) {
            trackDivergence(r, openDivergences);
            fold.applyQuietly(r);
            if (r.malformed()) {
                continue;
            }
            String cursorUser = r.direction() == Direction.IN && EventNames.USER_CURSOR_UPDATED.equals(r.name())
                    ? r.userId()
                    : r.direction() == Direction.OUT && EventNames.CURSOR_UPDATE.equals(r.name()) ? "(us)" : null;
            if (cursorUser != null) {
                long at = sentAt(r);
                ArrayDeque<Long> times = cursorTimes.computeIfAbsent(cursorUser, k -> new ArrayDeque<>());
                times.addLast(at);
                while (!times.isEmpty() && at - times.peekFirst() >= WINDOW_MILLIS) {
                    times.removeFirst();
                }
                if (times.size() > CURSOR_UPDATES_ALLOWED_PER_WINDOW && overBudget.add(cursorUser)) {
                    out.add(new Finding(
                            Kind.CURSOR_RATE,
                            cursorUser,
                            r.wallMillis(),
                            String.format(
                                    Locale.ROOT,
                                    "%d cursor updates within %d s (%.1f/s; budget %d/s, up to %d allowing %d ms"
                                            + " of jitter)",
                                    times.size(),
                                    WINDOW_MILLIS / 1000,
                                    times.size() * 1000.0 / WINDOW_MILLIS,
                                    CURSOR_BUDGET_PER_SECOND,
                                    CURSOR_UPDATES_ALLOWED_PER_WINDOW,
                                    JITTER_ALLOWED_MILLIS)));
                }
            }
            if (r.direction() == Direction.IN && r.payload() != null) {
                for (JsonNode user : presences(r)) {
                    checkLastSeen(user, r, lastSeen, out);
                }
            }
        }
        for (Member m : fold.publishNow().members()) {
            if (m.active() && m.staleAt(nowMillis, PresenceTracker.INACTIVITY_MILLIS)) {
                out.add(new Finding(
                        Kind.GHOST,
                        m.userId(),
                        nowMillis,
                        "shown present and active, but nothing from or about them for "
                                + (nowMillis - m.lastEventMillis()) / 1000 + " s (liveness window 60 s)"));
            }
        }
        for (EventRecord d : openDivergences.values()) {
            JsonNode p = d.payload();
            out.add(new Finding(
                    Kind.SERVER_DIVERGENCE,
                    d.userId(),
                    p.path("sinceMillis").asLong(d.wallMillis()),
                    p.path("kind").asText() + ": " + p.path("detail").asText()));
        }
        return out;
    }

    /**
     * When the server took a cursor update in: its relay's {@code ts} (so delays between the server and
     * us do not bunch it), else when it reached us; our own updates when we sent them.
     */
    private static long sentAt(EventRecord r) {
        JsonNode ts = r.direction() == Direction.IN && r.payload() != null
                ? r.payload().get("ts")
                : null;
        return ts != null && ts.canConvertToLong() ? ts.asLong() : r.wallMillis();
    }

    // The cross-check's records (crosscheck:divergence / crosscheck:resolved): open until resolved.
    private static void trackDivergence(EventRecord r, Map<String, EventRecord> open) {
        boolean opened = CROSSCHECK_OPENED.equals(r.name());
        if ((!opened && !CROSSCHECK_RESOLVED.equals(r.name()))
                || r.payload() == null
                || !r.payload().isObject()) {
            return;
        }
        // the same divergence: same kind and group, and the same user (or, with none known, the same sockets)
        String key = r.payload().path("kind").asText() + "\u0000" + r.groupId() + "\u0000"
                + (r.userId() != null
                        ? r.userId()
                        : r.payload().path("socketIds").toString());
        if (opened) {
            open.put(key, r);
        } else {
            open.remove(key);
        }
    }

    private static List<JsonNode> presences(EventRecord r) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode p = r.payload();
        switch (r.name()) {
            case EventNames.USER_JOINED, EventNames.USER_PRESENCE_UPDATED -> {
                if (p.get("user") != null) {
                    out.add(p.get("user"));
                }
            }
            case EventNames.GROUP_JOINED, EventNames.GROUP_PRESENCE ->
                p.path("members").forEach(out::add);
            default -> {
                // no UserPresence in it
            }
        }
        return out;
    }

    private static void checkLastSeen(JsonNode user, EventRecord r, Map<String, Instant> lastSeen, List<Finding> out) {
        String id = user.path("userId").asText(null);
        String seen = user.path("lastSeen").asText(null);
        if (id == null || seen == null) {
            return;
        }
        Instant t;
        try {
            t = Instant.parse(seen);
        } catch (DateTimeParseException e) {
            return;
        }
        Instant before = lastSeen.put(id, t);
        if (before != null && t.isBefore(before)) {
            out.add(new Finding(
                    Kind.LAST_SEEN_BACKWARDS,
                    id,
                    r.wallMillis(),
                    "lastSeen went from " + before + " back to " + t + " (" + r.name() + ")"));
        }
    }
}
