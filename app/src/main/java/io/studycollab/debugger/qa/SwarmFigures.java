package io.studycollab.debugger.qa;

import io.studycollab.realtime.qa.swarm.SwarmStats;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The virtual users' figures as the QA tab shows them: while they run, and the final summary kept
 * after Stop (until the next start) so stopping never wipes what the run measured.
 *
 * @param stats the figures at that moment
 * @param ran   how long the virtual users had been running
 */
public record SwarmFigures(SwarmStats stats, Duration ran) {

    /** Figures of running virtual users. */
    public String live() {
        return String.format(
                Locale.ROOT,
                "running %s · connected %d/%d · failed %d%n%s",
                clock(ran),
                stats.connected(),
                stats.users(),
                stats.failedToConnect(),
                counts());
    }

    /** The final summary after Stop. */
    public String summary() {
        return String.format(
                Locale.ROOT, "Last run: %d users for %s (stopped)%n%s", stats.users(), clock(ran), counts());
    }

    private String counts() {
        return String.format(
                Locale.ROOT,
                "sent %,d · received %,d%nerrors %s%nrtt p50 %s · p95 %s · p99 %s",
                stats.sent(),
                stats.received(),
                errors(),
                ms(stats.rttP50()),
                ms(stats.rttP95()),
                ms(stats.rttP99()));
    }

    /** "RATE_LIMITED ×36, AUTH_EXPIRED ×2", or "none". */
    private String errors() {
        return stats.errors().isEmpty()
                ? "none"
                : stats.errors().entrySet().stream()
                        .map(e -> e.getKey() + " ×" + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    private static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String ms(double v) {
        return v < 0 ? "–" : String.format(Locale.ROOT, "%.0f ms", v);
    }
}
