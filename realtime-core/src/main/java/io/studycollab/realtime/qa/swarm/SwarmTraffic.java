package io.studycollab.realtime.qa.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the swarm's users received, as its hub hands it over: events in, error codes, ack round
 * trips, and cursor delivery timed against the sender's own record of when it sent each move.
 */
final class SwarmTraffic {

    /** A long run keeps its first million round trips. */
    private static final int MAX_RTTS = 1_000_000;

    private final Map<String, SwarmUser> byUserId;
    private final AtomicLong received = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<Double> rtts = new ArrayList<>();
    private final CursorLatency latency = new CursorLatency();
    /** From a user's move to its emit on socket.io's event thread: the swarm's own share of the latency. */
    private final CursorLatency sendLag = new CursorLatency();

    SwarmTraffic(Map<String, SwarmUser> byUserId) {
        this.byUserId = byUserId;
    }

    void count(List<EventRecord> batch) {
        for (EventRecord r : batch) {
            if (r.direction() == Direction.IN) {
                received.incrementAndGet();
                if (EventNames.USER_CURSOR_UPDATED.equals(r.name()) && r.payload() != null) {
                    delivered(r);
                } else if (EventNames.CONNECTION_ERROR.equals(r.name()) && r.payload() != null) {
                    error(r.payload().path("code").asText("?"));
                }
            } else if (r.direction() == Direction.OUT) {
                if (EventNames.CURSOR_UPDATE.equals(r.name()) && r.payload() != null) {
                    SwarmUser sender = r.userId() == null ? null : byUserId.get(r.userId());
                    sendLag.received(sentAt(sender, r.payload()), r.monoNanos());
                }
            } else if (r.direction() == Direction.LOCAL) {
                if (EventNames.CLIENT_CONNECT_ERROR.equals(r.name())) {
                    JsonNode code = r.payload().path("code");
                    error(code.isNull() ? "CONNECT_ERROR" : code.asText("CONNECT_ERROR"));
                } else if (EventNames.CLIENT_ACK.equals(r.name())) {
                    synchronized (rtts) {
                        if (rtts.size() < MAX_RTTS) {
                            rtts.add(r.payload().path("rttMs").asDouble());
                        }
                    }
                }
            }
        }
    }

    private void error(String code) {
        errors.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
    }

    /** A cursor reached one of us: timed against the sender's own record of when it sent it. */
    private void delivered(EventRecord r) {
        SwarmUser sender = byUserId.get(r.payload().path("userId").asText(""));
        long sentAt = sentAt(sender, r.payload().path("cursor"));
        if (sentAt >= 0) {
            sender.sends.seenByOther();
        }
        latency.received(sentAt, r.monoNanos());
    }

    private static long sentAt(SwarmUser sender, JsonNode cursor) {
        return sender == null
                ? -1
                : sender.sends.sentAt(
                        cursor.path("x").asDouble(Double.NaN), cursor.path("y").asDouble(Double.NaN));
    }

    long received() {
        return received.get();
    }

    Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** The round trip at percentile {@code p} in ms; -1 before the first. */
    double rttPercentile(double p) {
        double[] sorted;
        synchronized (rtts) {
            sorted = rtts.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (sorted.length == 0) {
            return -1;
        }
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p / 100 * sorted.length))];
    }

    CursorLatency latency() {
        return latency;
    }

    CursorLatency sendLag() {
        return sendLag;
    }
}
