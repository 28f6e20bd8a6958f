package io.studycollab.realtime.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two sessions side by side: how many of each event each has, and the first event where they part.
 * Timing is ignored: heartbeats and acks are skipped, and fields that differ on every run
 * (timestamps, socket ids, round trips) are left out of the payload comparison.
 */
public final class SessionComparison {

    private static final Set<String> SKIPPED =
            Set.of(EventNames.HEARTBEAT, EventNames.HEARTBEAT_ACK, EventNames.CLIENT_ACK);
    private static final Set<String> VOLATILE = Set.of(
            "ts",
            "serverTime",
            "lastSeen",
            "socketId",
            "tokenExpiresAt",
            "rttMs",
            "retryInMs",
            "expiresAt",
            "secondsLeft");

    /** Where the two part: the position among compared events, each side's record (null past its end), and why. */
    public record Difference(int position, EventRecord left, EventRecord right, String reason) {}

    /** Counts per event name, as {left, right}. */
    public record Result(Map<String, long[]> counts, Difference firstDifference, int compared) {

        public boolean same() {
            return firstDifference == null && counts.values().stream().allMatch(c -> c[0] == c[1]);
        }
    }

    private SessionComparison() {}

    public static Result compare(Iterable<EventRecord> left, Iterable<EventRecord> right) {
        Map<String, long[]> counts = new TreeMap<>();
        Iterator<EventRecord> a = left.iterator();
        Iterator<EventRecord> b = right.iterator();
        Difference first = null;
        int position = 0;
        while (true) {
            EventRecord l = nextCompared(a, counts, 0);
            EventRecord r = nextCompared(b, counts, 1);
            if (l == null && r == null) {
                break;
            }
            if (first == null) {
                String why = l == null
                        ? "the left session ends here"
                        : r == null ? "the right session ends here" : differs(l, r);
                if (why != null) {
                    first = new Difference(position, l, r, why);
                }
            }
            position++;
        }
        return new Result(counts, first, position);
    }

    /**
     * The trailing part of {@code records} that covers {@code spanMillis} of record time: what a
     * recording of that length would hold had it been made just now. Comparing a 35 s recording with
     * a live history of ten minutes would otherwise report every count as different.
     */
    public static List<EventRecord> lastSpan(List<EventRecord> records, long spanMillis) {
        if (records.isEmpty()) {
            return records;
        }
        long from = records.get(records.size() - 1).wallMillis() - spanMillis;
        int lo = 0;
        int hi = records.size();
        while (lo < hi) { // first record at or after `from` (records are in time order)
            int mid = (lo + hi) >>> 1;
            if (records.get(mid).wallMillis() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return records.subList(lo, records.size());
    }

    /** Record time from the first to the last record, 0 for fewer than two. */
    public static long spanMillis(List<EventRecord> records) {
        return records.size() < 2
                ? 0
                : records.get(records.size() - 1).wallMillis() - records.get(0).wallMillis();
    }

    private static EventRecord nextCompared(Iterator<EventRecord> it, Map<String, long[]> counts, int side) {
        while (it.hasNext()) {
            EventRecord r = it.next();
            counts.computeIfAbsent(r.name(), k -> new long[2])[side]++;
            if (!SKIPPED.contains(r.name())) {
                return r;
            }
        }
        return null;
    }

    private static String differs(EventRecord l, EventRecord r) {
        if (l.direction() != r.direction() || !l.name().equals(r.name())) {
            return "different events: " + l.direction().wire() + " " + l.name() + " vs "
                    + r.direction().wire() + " " + r.name();
        }
        if (l.malformed() != r.malformed()) {
            return "malformed on one side only";
        }
        if (!Objects.equals(stable(l.payload()), stable(r.payload()))) {
            return "same event, different payload";
        }
        return null;
    }

    /** The payload without the fields that change on every run. */
    static JsonNode stable(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!VOLATILE.contains(e.getKey())) {
                    out.set(e.getKey(), stable(e.getValue()));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(stable(n)));
            return out;
        }
        return node;
    }

    /** A plain-text report for a terminal or a bug. */
    public static String report(Result r, String leftName, String rightName) {
        StringBuilder b = new StringBuilder();
        int width = Math.max(
                5, r.counts().keySet().stream().mapToInt(String::length).max().orElse(5));
        b.append(String.format("%-" + width + "s  %10s  %10s  %s%n", "event", "left", "right", "difference"));
        Set<String> names = new TreeSet<>(r.counts().keySet());
        for (String name : names) {
            long[] c = r.counts().get(name);
            b.append(String.format(
                    "%-" + width + "s  %10d  %10d  %s%n",
                    name,
                    c[0],
                    c[1],
                    c[0] == c[1] ? "" : String.format("%+d", c[1] - c[0])));
        }
        b.append("left: ")
                .append(leftName)
                .append("\nright: ")
                .append(rightName)
                .append('\n');
        if (r.firstDifference() == null) {
            b.append("No difference in ")
                    .append(r.compared())
                    .append(" compared events (heartbeats, acks and timings ignored).\n");
        } else {
            Difference d = r.firstDifference();
            b.append("First difference at compared event ")
                    .append(d.position() + 1)
                    .append(": ")
                    .append(d.reason())
                    .append('\n');
            b.append("  left:  ").append(describe(d.left())).append('\n');
            b.append("  right: ").append(describe(d.right())).append('\n');
        }
        return b.toString();
    }

    private static String describe(EventRecord r) {
        if (r == null) {
            return "(nothing)";
        }
        return "#" + r.seq() + " " + r.direction().wire() + " " + r.name() + " "
                + (r.payload() == null ? "" : stable(r.payload()));
    }
}
