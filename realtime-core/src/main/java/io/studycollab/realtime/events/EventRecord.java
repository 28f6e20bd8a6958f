package io.studycollab.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.EventNames;
import java.util.Objects;

/**
 * One event, wherever it came from: the socket, our own client, or a session file. Everything
 * downstream (history, presence, recorder, views, replay) consumes this one type.
 *
 * @param seq        position in the stream; -1 until the hub numbers it
 * @param wallMillis epoch milliseconds when received, sent or raised
 * @param monoNanos  monotonic reading at the same moment (only differences mean anything)
 * @param payload    the payload as a JSON tree; for a malformed event whatever arrived, as it arrived
 * @param problem    why the payload is malformed, or null when it is valid
 * @param packet     connection, namespace, ack id and argument count ({@link PacketInfo#DEFAULT} for
 *                   our own client's ordinary events)
 */
public record EventRecord(
        long seq,
        long wallMillis,
        long monoNanos,
        Direction direction,
        String name,
        EventCategory category,
        String groupId,
        String userId,
        JsonNode payload,
        int sizeBytes,
        String problem,
        PacketInfo packet) {

    public EventRecord {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(name, "name");
        if (packet == null) {
            packet = PacketInfo.DEFAULT;
        }
        if (category == null) {
            category = EventNames.categoryOf(name);
        }
    }

    /** A record of our own client's single connection, in the default namespace, with one argument. */
    public EventRecord(
            long seq,
            long wallMillis,
            long monoNanos,
            Direction direction,
            String name,
            EventCategory category,
            String groupId,
            String userId,
            JsonNode payload,
            int sizeBytes,
            String problem) {
        this(
                seq,
                wallMillis,
                monoNanos,
                direction,
                name,
                category,
                groupId,
                userId,
                payload,
                sizeBytes,
                problem,
                PacketInfo.DEFAULT);
    }

    public boolean malformed() {
        return problem != null;
    }

    public EventRecord withSeq(long newSeq) {
        return new EventRecord(
                newSeq,
                wallMillis,
                monoNanos,
                direction,
                name,
                category,
                groupId,
                userId,
                payload,
                sizeBytes,
                problem,
                packet);
    }

    /** The same record filed under another category (an inbound event the contract does not name, say). */
    public EventRecord withCategory(EventCategory newCategory) {
        return new EventRecord(
                seq,
                wallMillis,
                monoNanos,
                direction,
                name,
                newCategory,
                groupId,
                userId,
                payload,
                sizeBytes,
                problem,
                packet);
    }

    public EventRecord withPacket(PacketInfo newPacket) {
        return new EventRecord(
                seq,
                wallMillis,
                monoNanos,
                direction,
                name,
                category,
                groupId,
                userId,
                payload,
                sizeBytes,
                problem,
                newPacket);
    }

    /** Group and user as the payload names them: {@code groupId}; {@code userId}, {@code user.userId} or {@code from}. */
    public static EventRecord of(
            Direction direction,
            String name,
            JsonNode payload,
            int sizeBytes,
            String problem,
            long wallMillis,
            long monoNanos,
            String selfUserId) {
        String group = null;
        String user = null;
        // Local events describe the client itself; their fields (e.g. a state's "from") name no user.
        if (payload != null && payload.isObject() && direction != Direction.LOCAL) {
            group = textOrNull(payload.get("groupId"));
            user = textOrNull(payload.get("userId"));
            if (user == null && payload.get("user") != null) {
                user = textOrNull(payload.get("user").get("userId"));
            }
            if (user == null) {
                user = textOrNull(payload.get("from"));
            }
        }
        if (direction == Direction.OUT && selfUserId != null) {
            user = selfUserId;
        }
        return new EventRecord(
                -1,
                wallMillis,
                monoNanos,
                direction,
                name,
                EventNames.categoryOf(name),
                group,
                user,
                payload,
                sizeBytes,
                problem);
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
