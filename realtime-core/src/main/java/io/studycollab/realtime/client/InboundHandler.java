package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.socket.client.Ack;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.events.PacketInfo;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.InboundValidator;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what arrives: every event with all its arguments, in order, checked against the
 * contract ({@link InboundValidator}), and packets nothing can decode as
 * {@code client:malformed-packet}. Only a valid event the contract names reaches {@code react}
 * (the client's own bookkeeping). A record that cannot be made is logged; the client carries on.
 */
final class InboundHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);
    static final int MALFORMED_PACKET_SHOWN = 4096;

    private final ClientRecords records;
    private final BiConsumer<String, JsonNode> react;

    InboundHandler(ClientRecords records, BiConsumer<String, JsonNode> react) {
        this.records = records;
        this.react = react;
    }

    /**
     * An inbound event as socket.io hands it over: the name, the arguments and, when the server
     * asked for one, an ack callback last. {@code namespace} is the connection's.
     */
    void incoming(Object[] args, String namespace) {
        try {
            String name = String.valueOf(args[0]);
            boolean wantsAck = args.length > 1 && args[args.length - 1] instanceof Ack;
            ProtocolCodec.Arguments a = ProtocolCodec.fromArguments(args, 1, wantsAck ? args.length - 1 : args.length);
            InboundValidator.Verdict verdict = InboundValidator.verdict(name, a.tree(), a.count());
            String problem = a.problem() != null ? a.problem() : verdict.problem();
            long wall = records.clock().wallMillis();
            long mono = records.clock().monoNanos();
            EventRecord r =
                    EventRecord.of(Direction.IN, name, a.tree(), a.sizeBytes(), problem, wall, mono, records.userId());
            if (r.category() != verdict.category()) {
                r = r.withCategory(verdict.category());
            }
            if (a.count() != 1 || !"/".equals(namespace)) {
                r = r.withPacket(new PacketInfo(null, namespace, -1, a.count()));
            }
            records.publish(r);
            if (problem == null && verdict.category() != EventCategory.OTHER) {
                react.accept(name, a.tree());
            }
        } catch (RuntimeException e) {
            LOG.error("could not record an inbound event; carrying on", e);
        }
    }

    /** A packet neither decoder could read, shown raw (cut at 4,096 characters). */
    void undecodable(String packet, String why) {
        String shown = packet.length() <= MALFORMED_PACKET_SHOWN
                ? packet
                : packet.substring(0, MALFORMED_PACKET_SHOWN) + "… (" + packet.length() + " characters)";
        records.publish(
                Direction.IN,
                EventNames.CLIENT_MALFORMED_PACKET,
                JsonNodeFactory.instance.textNode(shown),
                packet.getBytes(StandardCharsets.UTF_8).length,
                "Socket.IO packet that cannot be decoded: " + why);
    }
}
