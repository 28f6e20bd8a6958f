package io.studycollab.realtime.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts refused and malformed handshakes for /health. Bad input from the network is never logged
 * per packet at a level an operator sees: each malformed handshake is one DEBUG line, and at most
 * once per {@link #SUMMARY_EVERY} an INFO line says how many there were, so a flood of them cannot
 * flood the log.
 */
public final class HandshakeStats {

    public static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeStats.class);

    private final Clock clock;
    private final Map<String, LongAdder> refusedByCode = new ConcurrentHashMap<>();
    private final LongAdder malformed = new LongAdder();
    private final AtomicLong malformedSinceSummary = new AtomicLong();
    private final AtomicLong lastSummaryNanos;
    private final LongAdder timedOut = new LongAdder();

    public HandshakeStats(Clock clock) {
        this.clock = clock;
        this.lastSummaryNanos = new AtomicLong(clock.monoNanos());
    }

    /** A CONNECT refused with {@code code} (AUTH_*, INTERNAL). */
    public void refused(String code) {
        refusedByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /**
     * A handshake or packet that does not follow the protocol, refused or closed.
     *
     * @param firstOnConnection whether to write the one DEBUG line this connection gets
     */
    public void malformed(Object connection, String reason, boolean firstOnConnection) {
        malformed.increment();
        if (firstOnConnection) {
            LOG.debug("malformed input from {} refused: {}", connection, reason);
        }
        long n = malformedSinceSummary.incrementAndGet();
        long now = clock.monoNanos();
        long last = lastSummaryNanos.get();
        if (now - last >= SUMMARY_EVERY.toNanos() && lastSummaryNanos.compareAndSet(last, now)) {
            malformedSinceSummary.addAndGet(-n);
            LOG.info("{} malformed handshakes refused in the last {} s", n, (now - last) / 1_000_000_000L);
        }
    }

    public void timedOut() {
        timedOut.increment();
    }

    public long malformedCount() {
        return malformed.sum();
    }

    /** {@code { pending, timedOut, malformed, refused: { CODE: n } }} for /health. */
    public ObjectNode toJson(int pending) {
        ObjectNode o = ProtocolCodec.object()
                .put("pending", pending)
                .put("timedOut", timedOut.sum())
                .put("malformed", malformed.sum());
        ObjectNode refused = o.putObject("refused");
        refusedByCode.forEach((code, n) -> refused.put(code, n.sum()));
        return o;
    }
}
