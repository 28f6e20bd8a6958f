package io.studycollab.realtime.admin.crosscheck;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Divergences as records of the shared event stream (local events of the debugger), so the log
 * shows them, session files keep them and replay brings them back at the moment they opened.
 */
public final class CrossCheckRecords {

    public static final String OPENED = "crosscheck:divergence";
    public static final String RESOLVED = "crosscheck:resolved";

    private CrossCheckRecords() {}

    public static List<EventRecord> of(CrossCheck.Result result, long nowMillis, long monoNanos) {
        List<EventRecord> out =
                new ArrayList<>(result.opened().size() + result.resolved().size());
        for (Divergence d : result.opened()) {
            out.add(record(OPENED, d, d.sinceMillis(), monoNanos, null));
        }
        for (Divergence d : result.resolved()) {
            out.add(record(RESOLVED, d, nowMillis, monoNanos, nowMillis));
        }
        return out;
    }

    private static EventRecord record(String name, Divergence d, long at, long monoNanos, Long resolvedAt) {
        ObjectNode p = ProtocolCodec.object()
                .put("kind", d.kind().name())
                .put("groupId", d.groupId())
                .put("userId", d.userId())
                .put("since", Instant.ofEpochMilli(d.sinceMillis()).toString())
                .put("sinceMillis", d.sinceMillis())
                .put("detail", d.detail());
        ArrayNode ids = p.putArray("socketIds");
        d.socketIds().forEach(ids::add);
        if (resolvedAt != null) {
            p.put("resolvedAt", Instant.ofEpochMilli(resolvedAt).toString());
        }
        return new EventRecord(
                -1,
                at,
                monoNanos,
                Direction.LOCAL,
                name,
                EventCategory.SYSTEM,
                d.groupId(),
                d.userId(),
                p,
                ProtocolCodec.sizeOf(p),
                null);
    }
}
