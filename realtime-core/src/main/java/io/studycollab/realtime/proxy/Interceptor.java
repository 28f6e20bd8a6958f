package io.studycollab.realtime.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.proxy.breakpoint.Breakpoint;
import io.studycollab.realtime.proxy.breakpoint.Breakpoints;
import io.studycollab.realtime.proxy.inject.Injector;
import io.studycollab.realtime.proxy.rules.Rule;
import io.studycollab.realtime.proxy.rules.RuleSet;
import io.studycollab.realtime.proxy.wire.EioPacket;
import io.studycollab.realtime.proxy.wire.SioPacket;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every packet of every connection passes here, on the network threads: Engine.IO control packets
 * (open, ping, pong, upgrade, noop, close) go straight on so held connections stay alive; Socket.IO
 * packets are put together with their attachments and forwarded, dropped, delayed or paused, in
 * their lane's order. Each becomes a record; when no rule or breakpoint is set, nothing depends on
 * the record, so the packet is relayed first and its record made off the relay path
 * ({@link RecordQueue}), in the same order.
 */
public final class Interceptor {

    /** Records waiting to be made past this many, the relay makes them itself before relaying more. */
    static final int RECORD_BACKLOG = 8192;

    private final Clock clock;
    private final PacketRecords records;
    private final RecordQueue queue;
    private final RuleSet rules;
    private final Breakpoints breakpoints;
    private final Injector injector;

    public Interceptor(Clock clock, Consumer<EventRecord> publish, RuleSet rules, Duration autoRelease) {
        this.clock = clock;
        this.queue = new RecordQueue(publish, RECORD_BACKLOG);
        this.records = new PacketRecords(clock);
        this.rules = rules;
        this.breakpoints = new Breakpoints(clock, records, queue::publish, autoRelease);
        this.injector = new Injector(records, queue::publish);
    }

    /**
     * The records, in packet order; until its thread is started ({@link RecordQueue#start}) each
     * record is made on the thread that saw the packet.
     */
    public RecordQueue recordQueue() {
        return queue;
    }

    public RuleSet rules() {
        return rules;
    }

    public Breakpoints breakpoints() {
        return breakpoints;
    }

    public Injector injector() {
        return injector;
    }

    public PacketRecords records() {
        return records;
    }

    void publish(EventRecord r) {
        queue.publish(r);
    }

    /**
     * One Engine.IO packet from the network. Control packets go on at once through {@code sameTransport}
     * (the transport they came on: an upgrade probe must not cross to polling); messages go through
     * the connection's lane to whichever transport is live when they leave it.
     */
    public void onPacket(ProxyConnection c, Flow flow, EioPacket p, PacketSink sameTransport) {
        if (!p.isMessage()) {
            if (flow == Flow.UP && p.type() == EioPacket.UPGRADE) {
                c.upgraded();
            }
            sameTransport.send(List.of(p));
            return;
        }
        if (p.isBinary() && !c.awaitingAttachments(flow)) {
            // a binary message outside Socket.IO: nothing to decode, pass it on in order
            c.lane(flow).submit(new WireMessage(null, List.of(p)), false);
            return;
        }
        SioPacket sio = null;
        int attachments = 0;
        if (!p.isBinary()) {
            try {
                sio = SioPacket.parse(p.text());
                attachments = sio.attachments();
            } catch (IllegalArgumentException e) {
                sio = null;
            }
        }
        List<EioPacket> unit = c.assemble(flow, p, attachments);
        if (unit == null) {
            return;
        }
        if (sio == null && unit.size() > 1) {
            sio = SioPacket.parse(unit.get(0).text());
        }
        handle(c, flow, new WireMessage(sio, unit));
    }

    /**
     * True when a plain Socket.IO message of {@code c} travelling {@code flow} can go on before
     * anyone looks at it: no rule, no breakpoint, no injected packet awaiting its reply, nothing
     * held in its lane, no attachments being collected. The network side then relays it as it came
     * and calls {@link #relayed}.
     */
    public boolean relaysUnseen(ProxyConnection c, Flow flow) {
        return rules.isEmpty()
                && breakpoints.isEmpty()
                && !injector.awaitsReplies()
                && c.lane(flow).waiting() == 0
                && !c.awaitingAttachments(flow);
    }

    /**
     * A message relayed unseen (its frame text, type character first): counted now, recorded off
     * the relay path with the time it arrived. A message that is not valid Socket.IO is recorded as
     * malformed, as on the full path.
     */
    public void relayed(ProxyConnection c, Flow flow, String frameText) {
        c.counted(flow);
        long wall = clock.wallMillis();
        long mono = clock.monoNanos();
        queue.add(() -> {
            EioPacket p = EioPacket.parseText(frameText);
            SioPacket sio;
            try {
                sio = SioPacket.parse(p.text());
            } catch (IllegalArgumentException e) {
                sio = null;
            }
            return records.decode(c, flow, new WireMessage(sio, List.of(p)), wall, mono);
        });
    }

    private void handle(ProxyConnection c, Flow flow, WireMessage m) {
        c.counted(flow);
        if (injector.takeReply(c, flow, m)) {
            return;
        }
        long wall = clock.wallMillis();
        long mono = clock.monoNanos();
        Lane lane = c.lane(flow);
        SioPacket p = m.packet();
        boolean learnsUser = p != null && p.type() == SioPacket.CONNECT;
        if (!learnsUser && rules.isEmpty() && breakpoints.isEmpty()) {
            // nothing can stop or change it: relay first, make its record off the relay path
            // (stamped with the time it arrived, so latencies are the packet's, not the decoder's)
            lane.submit(m, false);
            queue.add(() -> records.decode(c, flow, m, wall, mono));
            return;
        }
        // a CONNECT names the user (rules and later records need it) before anything else happens
        EventRecord record = records.decode(c, flow, m, wall, mono);
        queue.publish(record);
        PacketView view = new PacketView(c, flow, record, m);
        Rule rule = rules.match(view);
        if (rule != null && rule.action() == Rule.Action.DROP) {
            queue.publish(records.local(c, PacketRecords.RULE, fired(rule, view)));
            lane.submit(null, false);
            return;
        }
        if (rule != null) {
            queue.publish(records.local(c, PacketRecords.RULE, fired(rule, view)));
            Lane.Entry e = lane.submit(m, true);
            clock.schedule(Duration.ofMillis(rule.delayMillis()), () -> lane.resolve(e, m));
            return;
        }
        Breakpoint b = breakpoints.match(view);
        if (b != null) {
            Lane.Entry e = lane.submit(m, true);
            breakpoints.pause(b, view, lane, e);
            return;
        }
        lane.submit(m, false);
    }

    private static ObjectNode fired(Rule rule, PacketView v) {
        ObjectNode o = ProtocolCodec.object();
        o.put("rule", rule.toString());
        o.put("action", rule.action().label());
        o.put("event", v.name());
        o.put("dir", v.flow().label());
        if (rule.action() == Rule.Action.DELAY) {
            o.put("delayMs", rule.delayMillis());
        }
        return o;
    }
}
