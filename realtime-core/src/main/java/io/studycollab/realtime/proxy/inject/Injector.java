package io.studycollab.realtime.proxy.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.proxy.Flow;
import io.studycollab.realtime.proxy.PacketRecords;
import io.studycollab.realtime.proxy.ProxyConnection;
import io.studycollab.realtime.proxy.WireMessage;
import io.studycollab.realtime.proxy.wire.EioPacket;
import io.studycollab.realtime.proxy.wire.SioPacket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends events into live connections: down to one connection as if from the server, or up from
 * it as if its client had sent them. An injected event that asks for an ack gets an id far above
 * any a real peer counts to, and the reply to it is taken out of the stream (the real peer never
 * asked) and completes the returned future instead.
 */
public final class Injector {

    /** Socket.IO peers count ack ids from 0; ours start far beyond where a real session gets. */
    static final long FIRST_ACK_ID = 1_000_000_000L;

    private final PacketRecords records;
    private final Consumer<EventRecord> publish;
    private final AtomicLong nextAck = new AtomicLong(FIRST_ACK_ID);
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    public Injector(PacketRecords records, Consumer<EventRecord> publish) {
        this.records = records;
        this.publish = publish;
    }

    /**
     * Injects {@code event} with {@code args} into {@code c} travelling {@code flow}, in namespace
     * {@code nsp}. Returns the ack's arguments (an array) when {@code withAck}, else a completed null.
     * The packet joins the end of its lane, so it never overtakes a paused packet.
     */
    public CompletableFuture<JsonNode> inject(
            ProxyConnection c, Flow flow, String nsp, String event, List<JsonNode> args, boolean withAck) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        data.add(event);
        args.forEach(data::add);
        long ackId = withAck ? nextAck.getAndIncrement() : -1;
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        if (withAck) {
            pending.put(key(c, flow.opposite(), ackId), reply);
        } else {
            reply.complete(null);
        }
        SioPacket p = new SioPacket(SioPacket.EVENT, 0, nsp, ackId, ProtocolCodec.write(data));
        ObjectNode detail = ProtocolCodec.object();
        detail.put("event", event);
        detail.put("dir", flow.label());
        detail.put("nsp", nsp);
        if (withAck) {
            detail.put("ackId", ackId);
        }
        publish.accept(records.local(c, PacketRecords.INJECT, detail));
        WireMessage m = new WireMessage(p, List.of(EioPacket.message(p.encode())));
        publish.accept(records.decode(c, flow, m));
        c.lane(flow).submit(m, false);
        return reply;
    }

    /** True while an injected packet waits for its ack (replies must then be looked at before they go on). */
    public boolean awaitsReplies() {
        return !pending.isEmpty();
    }

    /**
     * True when {@code m} answers one of our injections (it is then consumed here, never forwarded).
     */
    public boolean takeReply(ProxyConnection c, Flow flow, WireMessage m) {
        SioPacket p = m.packet();
        if (p == null || !p.isAck() || p.ackId() < FIRST_ACK_ID) {
            return false;
        }
        CompletableFuture<JsonNode> f = pending.remove(key(c, flow, p.ackId()));
        if (f == null) {
            return false;
        }
        EventRecord r = records.decode(c, flow, m);
        ObjectNode detail = ProtocolCodec.object();
        detail.put("ackId", p.ackId());
        detail.put("dir", flow.label());
        detail.set("reply", r.payload());
        publish.accept(records.local(c, PacketRecords.INJECT, detail));
        try {
            JsonNode args = p.json().isEmpty() ? JsonNodeFactory.instance.arrayNode() : ProtocolCodec.parse(p.json());
            f.complete(args);
        } catch (Exception e) {
            f.completeExceptionally(e);
        }
        return true;
    }

    /** Fails the pending replies of a connection that closed. */
    public void closed(ProxyConnection c) {
        pending.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(c.id() + "/")) {
                e.getValue().completeExceptionally(new IllegalStateException("connection " + c.id() + " closed"));
                return true;
            }
            return false;
        });
    }

    private static String key(ProxyConnection c, Flow replyFlow, long ackId) {
        return c.id() + "/" + replyFlow.label() + "/" + ackId;
    }
}
