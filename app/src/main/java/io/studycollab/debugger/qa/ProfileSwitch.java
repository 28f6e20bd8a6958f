package io.studycollab.debugger.qa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.qa.netsim.NetworkProfile;

/**
 * The log record of a fault-proxy network switch: a local event like the client's own state
 * changes, so it shows in the log, the connection timeline, recordings and diagnostics.
 */
public final class ProfileSwitch {

    /** The record's event name (also listed in the diagnostics report's timeline). */
    public static final String EVENT = "netsim:profile";

    private ProfileSwitch() {}

    /** A record saying the network is now {@code profile}, through the proxy at {@code proxyUrl} (or none). */
    public static EventRecord record(NetworkProfile profile, String proxyUrl, long wallMillis, long monoNanos) {
        ObjectNode payload =
                ProtocolCodec.object().put("profile", profile.describe()).put("proxy", proxyUrl);
        return EventRecord.of(
                Direction.LOCAL, EVENT, payload, ProtocolCodec.sizeOf(payload), null, wallMillis, monoNanos, null);
    }

    /** The profile a record of this kind names. */
    public static String profileOf(EventRecord r) {
        return r.payload().path("profile").asText();
    }
}
