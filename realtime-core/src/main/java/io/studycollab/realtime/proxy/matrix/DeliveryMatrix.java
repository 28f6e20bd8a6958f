package io.studycollab.realtime.proxy.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventBatchListener;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.proxy.PacketRecords;
import io.studycollab.realtime.proxy.matrix.MatrixView.Status;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery matrix, folded from the proxy's records (live from the hub, or read back from a
 * session file: it reads record times only, never the wall clock). For each event a member sends
 * that the server fans out, it expects a copy on every other connection in the sender's group and
 * marks each one delivered (with the latency from the up packet to that down copy), out of order,
 * or missed once {@code missAfterMillis} of record time passed without it. Packets the proxy itself
 * dropped, delayed or held at a breakpoint are accounted as such. Bounded to the latest rows.
 */
public final class DeliveryMatrix implements EventBatchListener {

    private final long missAfterMillis;
    private final int maxRows;
    private final Map<String, ConnState> conns = new LinkedHashMap<>();
    private final ArrayDeque<Source> rows = new ArrayDeque<>();
    private final Beliefs beliefs = new Beliefs();
    private long nowMillis;
    private long nextIndex;

    public DeliveryMatrix(long missAfterMillis, int maxRows) {
        this.missAfterMillis = missAfterMillis;
        this.maxRows = maxRows;
    }

    static final class Source {
        final long index;
        final EventRecord record;
        final FanOut.Key key;
        final String conn;
        final String group;
        final Map<String, Delivery> cells = new LinkedHashMap<>();

        Source(long index, EventRecord record, FanOut.Key key, String conn, String group) {
            this.index = index;
            this.record = record;
            this.key = key;
            this.conn = conn;
            this.group = group;
        }
    }

    static final class Delivery {
        Status status = Status.PENDING;
        double latencyMillis = Double.NaN;
        boolean heldByProxy;
    }

    @Override
    public synchronized void onEvents(List<EventRecord> batch) {
        for (EventRecord r : batch) {
            apply(r);
        }
    }

    public synchronized void apply(EventRecord r) {
        String c = r.packet().connection();
        if (c == null) {
            return;
        }
        nowMillis = Math.max(nowMillis, r.wallMillis());
        ConnState conn = conns.computeIfAbsent(c, ConnState::new);
        settleFold(conn, r);
        switch (r.direction()) {
            case LOCAL -> local(conn, r);
            case IN -> down(conn, r);
            case OUT -> up(conn, r);
        }
    }

    private void up(ConnState conn, EventRecord r) {
        if (conn.userId == null) {
            conn.userId = r.userId();
        }
        FanOut.Key key = FanOut.source(r.name(), conn.userId, r.payload());
        conn.lastUp = null;
        if (key == null || conn.group == null) {
            return;
        }
        Source s = new Source(nextIndex++, r, key, conn.id, conn.group);
        for (ConnState other : conns.values()) {
            if (other != conn && other.open && conn.group.equals(other.group)) {
                s.cells.put(other.id, new Delivery());
                other.pending.add(s);
            }
        }
        conn.lastUp = s;
        rows.add(s);
        while (rows.size() > maxRows) {
            Source gone = rows.poll();
            for (ConnState other : conns.values()) {
                other.pending.remove(gone);
            }
        }
    }

    /**
     * A down record is folded into its member's view only once the next record of the connection
     * shows the proxy did not drop it (a rule's or breakpoint's record follows its packet at once);
     * one paused at a breakpoint is folded when it is forwarded.
     */
    private void settleFold(ConnState conn, EventRecord next) {
        EventRecord last = conn.unfolded;
        if (last == null) {
            return;
        }
        conn.unfolded = null;
        JsonNode p = next.payload();
        boolean aboutLast = next.direction() == Direction.LOCAL
                && p != null
                && "down".equals(p.path("dir").asText())
                && last.name().equals(p.path("event").asText());
        if (aboutLast
                && next.name().equals(PacketRecords.RULE)
                && "drop".equals(p.path("action").asText())) {
            return;
        }
        if (aboutLast
                && next.name().equals(PacketRecords.BREAKPOINT)
                && "paused".equals(p.path("action").asText())) {
            conn.heldFolds.put(p.path("pause").asLong(), last);
            return;
        }
        beliefs.fold(conn, last);
    }

    private void down(ConnState conn, EventRecord r) {
        conn.unfolded = r;
        JsonNode p = r.payload();
        switch (r.name()) {
            case EventNames.CONNECTION_ESTABLISHED ->
                conn.userId = p.path("userId").asText(conn.userId);
            case EventNames.GROUP_JOINED ->
                beliefs.moved(conn, p.path("groupId").asText(null), r.wallMillis());
            case EventNames.GROUP_LEFT -> beliefs.moved(conn, null, r.wallMillis());
            case PacketRecords.SIO_ACK -> refused(conn, r);
            default -> copy(conn, r);
        }
    }

    /** A failed ack ({"ok":false}) means the server fanned nothing out: that row expects nothing. */
    private void refused(ConnState conn, EventRecord r) {
        JsonNode p = r.payload();
        if (p == null || !p.path("ok").isBoolean() || p.get("ok").booleanValue()) {
            return;
        }
        for (Iterator<Source> it = rows.descendingIterator(); it.hasNext(); ) {
            Source s = it.next();
            if (s.conn.equals(conn.id)
                    && s.record.packet().ackId() == r.packet().ackId()) {
                forget(s);
                return;
            }
        }
    }

    private void copy(ConnState conn, EventRecord r) {
        conn.lastDown = null;
        FanOut.Key key = FanOut.copy(r.name(), r.payload());
        if (key == null) {
            return;
        }
        for (Iterator<Source> it = conn.pending.iterator(); it.hasNext(); ) {
            Source s = it.next();
            if (!FanOut.matches(s.key, key)) {
                continue;
            }
            it.remove();
            Delivery d = s.cells.get(conn.id);
            d.latencyMillis = (r.monoNanos() - s.record.monoNanos()) / 1e6;
            Long latest = conn.latestBySender.get(s.key.sender());
            d.status = latest != null && latest > s.index ? Status.OUT_OF_ORDER : Status.DELIVERED;
            if (latest == null || latest < s.index) {
                conn.latestBySender.put(s.key.sender(), s.index);
            }
            conn.lastDown = d;
            conn.lastDownSource = s;
            return;
        }
    }

    /** The proxy's own records: a connection closing, a rule or breakpoint acting on the packet just before. */
    private void local(ConnState conn, EventRecord r) {
        JsonNode p = r.payload();
        String dir = p == null ? "" : p.path("dir").asText();
        switch (r.name()) {
            case PacketRecords.CONNECTION -> {
                if ("close".equals(p.path("state").asText())) {
                    conn.open = false;
                    beliefs.moved(conn, null, r.wallMillis());
                }
            }
            case PacketRecords.RULE -> {
                boolean drop = "drop".equals(p.path("action").asText());
                if ("down".equals(dir) && conn.lastDown != null) {
                    if (drop) {
                        conn.lastDown.status = Status.MISSED;
                    } else {
                        conn.lastDown.latencyMillis += p.path("delayMs").asDouble();
                    }
                } else if ("up".equals(dir) && drop && conn.lastUp != null) {
                    forget(conn.lastUp); // the server never got it: nobody should
                }
            }
            case PacketRecords.BREAKPOINT -> breakpoint(conn, p, r);
            default -> {}
        }
    }

    private void breakpoint(ConnState conn, JsonNode p, EventRecord r) {
        String action = p.path("action").asText();
        long pause = p.path("pause").asLong();
        if ("paused".equals(action)) {
            if ("down".equals(p.path("dir").asText()) && conn.lastDown != null) {
                conn.lastDown.status = Status.PENDING;
                conn.lastDown.heldByProxy = true;
                conn.held.put(pause, conn.lastDownSource);
            }
            return;
        }
        EventRecord unfolded = conn.heldFolds.remove(pause);
        if (unfolded != null && !"dropped".equals(action)) {
            beliefs.fold(conn, unfolded);
        }
        Source s = conn.held.remove(pause);
        if (s == null) {
            return;
        }
        Delivery d = s.cells.get(conn.id);
        d.heldByProxy = false;
        if ("dropped".equals(action)) {
            d.status = Status.MISSED;
        } else {
            d.latencyMillis = (r.monoNanos() - s.record.monoNanos()) / 1e6;
        }
        if (d.status == Status.PENDING) {
            d.status = Status.DELIVERED;
        }
    }

    private void forget(Source s) {
        rows.remove(s);
        for (ConnState c : conns.values()) {
            c.pending.remove(s);
        }
    }

    /** The matrix as of the latest record folded in. */
    public synchronized MatrixView view() {
        return view(nowMillis);
    }

    /**
     * The matrix as of {@code asOfMillis} (live: the clock's time, so copies that never come turn
     * MISSED; replay: the playhead's), never earlier than the latest record folded in.
     */
    public synchronized MatrixView view(long asOfMillis) {
        long now = Math.max(nowMillis, asOfMillis);
        for (ConnState c : conns.values()) {
            if (c.unfolded != null) {
                beliefs.fold(c, c.unfolded);
                c.unfolded = null;
            }
        }
        return MatrixSnapshot.of(rows, conns, beliefs, now, missAfterMillis);
    }
}
