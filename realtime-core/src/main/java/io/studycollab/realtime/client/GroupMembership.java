package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ErrorCodes;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The group we are in, as the server last confirmed it, and the rejoin after every connect
 * (Socket.IO keeps no rooms across connections): queued sends wait until the rejoin is answered.
 * A FORBIDDEN answer forgets the group. Confined to the event thread.
 */
final class GroupMembership {

    private final ClientRecords records;
    private final Consumer<Runnable> loop;
    private String groupId;
    private boolean rejoining;

    GroupMembership(ClientRecords records, Consumer<Runnable> loop) {
        this.records = records;
        this.loop = loop;
    }

    /**
     * Joins the remembered group again on the new connection ({@code transmit} puts the join on
     * it); when the answer comes and the connection is {@code stillCurrent}, records
     * {@code client:rejoined} and runs {@code then} (the queued sends).
     */
    void rejoin(Consumer<OfflineQueue.Pending> transmit, BooleanSupplier stillCurrent, Runnable then) {
        String group = groupId;
        rejoining = true;
        CompletableFuture<AckReply> ack = new CompletableFuture<>();
        ack.whenComplete((reply, error) -> loop.accept(() -> {
            if (!stillCurrent.getAsBoolean()) {
                return;
            }
            ObjectNode body = ProtocolCodec.object().put("groupId", group);
            if (error != null) {
                body.put("ok", false).put("code", error instanceof RealtimeException re ? re.code() : "ERROR");
            } else {
                body.put("ok", reply.ok());
                if (!reply.ok()) {
                    body.put("code", reply.errorCode());
                    if (ErrorCodes.FORBIDDEN.equals(reply.errorCode())) {
                        groupId = null;
                    }
                }
            }
            records.local(EventNames.CLIENT_REJOINED, body);
            rejoining = false;
            then.run();
        }));
        transmit.accept(new OfflineQueue.Pending(
                EventNames.GROUP_JOIN, ProtocolCodec.object().put("groupId", group), ack));
    }

    /** Follows {@code group:joined} and {@code group:left}; true when the group changed hands. */
    boolean react(String name, JsonNode p) {
        switch (name) {
            case EventNames.GROUP_JOINED -> groupId = p.path("groupId").asText();
            case EventNames.GROUP_LEFT -> {
                if (p.path("groupId").asText().equals(groupId)) {
                    groupId = null;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    String groupId() {
        return groupId;
    }

    boolean rejoining() {
        return rejoining;
    }

    /** Another server: its groups are not ours. */
    void forget() {
        groupId = null;
    }

    /** The connection closed: no rejoin is waiting any more. */
    void reset() {
        rejoining = false;
    }
}
