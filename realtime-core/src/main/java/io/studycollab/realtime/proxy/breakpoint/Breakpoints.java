package io.studycollab.realtime.proxy.breakpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.proxy.Lane;
import io.studycollab.realtime.proxy.PacketRecords;
import io.studycollab.realtime.proxy.PacketView;
import io.studycollab.realtime.proxy.WireMessage;
import io.studycollab.realtime.proxy.rules.PacketMatch;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The breakpoints set, and the packets paused at them. Pausing holds the packet's lane (so later
 * packets of that connection and direction keep their order behind it); every pause and every
 * resolution is published as a {@code proxy:breakpoint} record. Auto-release runs on the injected
 * {@link Clock}.
 */
public final class Breakpoints {

    private final Clock clock;
    private final PacketRecords records;
    private final Consumer<EventRecord> publish;
    private final List<Breakpoint> breakpoints = new CopyOnWriteArrayList<>();
    private final Map<Long, PausedPacket> paused = new ConcurrentHashMap<>();
    private final List<Consumer<PausedPacket>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Duration autoRelease;

    public Breakpoints(Clock clock, PacketRecords records, Consumer<EventRecord> publish, Duration autoRelease) {
        this.clock = clock;
        this.records = records;
        this.publish = publish;
        this.autoRelease = autoRelease;
    }

    public Breakpoint add(PacketMatch match) {
        Breakpoint b = new Breakpoint(ids.incrementAndGet(), match);
        breakpoints.add(b);
        return b;
    }

    public void remove(Breakpoint b) {
        breakpoints.remove(b);
    }

    /** True when no breakpoint is set (the proxy then relays without looking at packets first). */
    public boolean isEmpty() {
        return breakpoints.isEmpty();
    }

    public List<Breakpoint> list() {
        return List.copyOf(breakpoints);
    }

    public void autoRelease(Duration after) {
        autoRelease = after;
    }

    public Duration autoRelease() {
        return autoRelease;
    }

    /** Called (on any thread) with each packet as it pauses. */
    public void onPause(Consumer<PausedPacket> listener) {
        listeners.add(listener);
    }

    /** Packets paused now, oldest first. */
    public List<PausedPacket> paused() {
        List<PausedPacket> out = new ArrayList<>(paused.values());
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return out;
    }

    /** The first breakpoint matching {@code v}, or null. */
    public Breakpoint match(PacketView v) {
        for (Breakpoint b : breakpoints) {
            if (b.match().matches(v)) {
                return b;
            }
        }
        return null;
    }

    /** Pauses a packet already held in its lane (by {@code entry}) at breakpoint {@code b}. */
    public PausedPacket pause(Breakpoint b, PacketView v, Lane lane, Lane.Entry entry) {
        long deadline = clock.wallMillis() + autoRelease.toMillis();
        PausedPacket p = new PausedPacket(ids.incrementAndGet(), b, v, deadline, (pp, outcome) -> {
            paused.remove(pp.id());
            WireMessage out = switch (outcome.resolution()) {
                case FORWARDED, AUTO_RELEASED -> v.message();
                case EDITED -> v.message().withPacket(v.message().packet().withJson(outcome.editedJson()));
                case DROPPED -> null;
            };
            publish.accept(records.local(
                    v.connection(),
                    PacketRecords.BREAKPOINT,
                    detail(pp, outcome.resolution().name(), outcome.editedJson())));
            lane.resolve(entry, out);
        });
        paused.put(p.id(), p);
        publish.accept(records.local(v.connection(), PacketRecords.BREAKPOINT, detail(p, "PAUSED", null)));
        clock.schedule(autoRelease, p::autoRelease);
        for (Consumer<PausedPacket> l : listeners) {
            l.accept(p);
        }
        return p;
    }

    private static ObjectNode detail(PausedPacket p, String action, String edited) {
        ObjectNode o = ProtocolCodec.object();
        o.put("action", action.toLowerCase(Locale.ROOT));
        o.put("pause", p.id());
        o.put("breakpoint", p.breakpoint().match().toString());
        o.put("event", p.view().name());
        o.put("dir", p.flow().label());
        o.put("t", p.view().record().wallMillis());
        if (edited != null) {
            o.put("edited", edited);
        }
        return o;
    }
}
