package io.studycollab.realtime.qa.diagnostics;

import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.session.Redactor;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Markdown report to paste into a bug: versions, OS, the server (no credentials), the connection
 * timeline (state changes with reasons and retry delays, refusals, drops, rejoins, queue flushes,
 * network profile switches), errors, and event counts. Everything passes through the redactor.
 */
public final class DiagnosticsReport {

    /** Local events that make up the connection timeline. */
    public static final Set<String> TIMELINE = Set.of(
            EventNames.CLIENT_STATE,
            EventNames.CLIENT_CONNECT_ERROR,
            EventNames.CONNECTION_LOST,
            EventNames.CLIENT_REJOINED,
            EventNames.CLIENT_QUEUE_FLUSHED,
            EventNames.CLIENT_QUEUE_DROPPED,
            EventNames.CLIENT_TOKEN_EXPIRING,
            "netsim:profile");

    private DiagnosticsReport() {}

    public static String build(
            String appVersion, ConnectionSnapshot connection, List<EventRecord> history, Redactor redactor) {
        StringBuilder b = new StringBuilder();
        b.append("## StudyCollab realtime diagnostics\n\n");
        b.append("| | |\n| --- | --- |\n");
        row(b, "app", appVersion);
        row(b, "Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        row(
                b,
                "OS",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        row(b, "server", safeUrl(connection.url()));
        row(b, "state", connection.state() + " — " + connection.reason());
        row(b, "transport", String.valueOf(connection.transport()));
        row(b, "user", String.valueOf(connection.userId()));
        row(b, "group", String.valueOf(connection.groupId()));
        row(
                b,
                "round trip",
                connection.rttMillis() < 0
                        ? "–"
                        : String.format(
                                "%.0f ms avg, %.0f ms jitter, %d missed heartbeats, %s",
                                connection.rttMillis(),
                                connection.jitterMillis(),
                                connection.missedHeartbeats(),
                                connection.quality().name().toLowerCase(Locale.ROOT)));
        row(b, "offline queue", connection.queueDepth() + " waiting, " + connection.queueDropped() + " dropped");
        row(b, "report made", Instant.now().toString());

        b.append("\n### Connection timeline\n\n");
        int shown = 0;
        for (EventRecord r : history) {
            if (r.direction() == Direction.LOCAL && TIMELINE.contains(r.name())) {
                b.append("- `")
                        .append(Instant.ofEpochMilli(r.wallMillis()))
                        .append("` ")
                        .append(r.name())
                        .append(' ')
                        .append(
                                r.payload() == null
                                        ? ""
                                        : redactor.json(r.payload()).toString())
                        .append('\n');
                shown++;
            }
        }
        if (shown == 0) {
            b.append("(nothing in the history)\n");
        }

        b.append("\n### Errors\n\n");
        int errors = 0;
        for (EventRecord r : history) {
            if (r.malformed() || EventNames.CONNECTION_ERROR.equals(r.name())) {
                b.append("- `")
                        .append(Instant.ofEpochMilli(r.wallMillis()))
                        .append("` ")
                        .append(r.direction().wire())
                        .append(' ')
                        .append(r.name())
                        .append(' ')
                        .append(
                                r.malformed()
                                        ? "malformed: " + redactor.text(r.problem())
                                        : redactor.json(r.payload()).toString())
                        .append('\n');
                errors++;
            }
        }
        if (errors == 0) {
            b.append("none\n");
        }

        b.append("\n### Events in the history (")
                .append(history.size())
                .append(")\n\n| event | in | out | local |\n| --- | --- | --- | --- |\n");
        Map<String, int[]> counts = new TreeMap<>();
        for (EventRecord r : history) {
            counts.computeIfAbsent(r.name(), k -> new int[3])[r.direction().ordinal()]++;
        }
        counts.forEach((name, c) -> b.append("| ")
                .append(name)
                .append(" | ")
                .append(c[0])
                .append(" | ")
                .append(c[1])
                .append(" | ")
                .append(c[2])
                .append(" |\n"));
        return redactor.text(b.toString());
    }

    /** The URL without user info, query or fragment, where credentials tend to hide. */
    static String safeUrl(String url) {
        if (url == null) {
            return "–";
        }
        try {
            URI u = URI.create(url);
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (Exception e) {
            return "(unparseable URL)";
        }
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n");
    }
}
