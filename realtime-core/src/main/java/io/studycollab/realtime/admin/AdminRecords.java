package io.studycollab.realtime.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.events.PacketInfo;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.ProtocolCodec;

/**
 * Admin changes as records of the shared event stream, so they sit in the log beside the client's
 * events, are written to session files and come back in replay. They are marked server-side by
 * their name ({@code admin:<type>}) and their connection ({@value #CONNECTION}).
 */
public final class AdminRecords {

    /** The {@link PacketInfo#connection()} of every admin record. */
    public static final String CONNECTION = "admin";

    public static final String PREFIX = "admin:";

    private AdminRecords() {}

    public static EventRecord toRecord(AdminChange c, String adminNamespace, long monoNanos) {
        ObjectNode payload = c.toJson();
        if (c.groupId() != null) {
            payload.put("groupId", c.groupId());
        }
        return new EventRecord(
                -1,
                c.atMillis(),
                monoNanos,
                Direction.IN,
                PREFIX + c.type(),
                EventCategory.SYSTEM,
                c.groupId(),
                c.userId(),
                payload,
                ProtocolCodec.sizeOf(payload),
                null,
                new PacketInfo(CONNECTION, adminNamespace, -1, 1));
    }

    public static boolean isAdminRecord(EventRecord r) {
        return r.name().startsWith(PREFIX) && CONNECTION.equals(r.packet().connection());
    }
}
