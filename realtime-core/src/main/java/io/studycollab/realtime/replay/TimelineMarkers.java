package io.studycollab.realtime.replay;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.replay.SessionTimeline.Marker;
import io.studycollab.realtime.replay.SessionTimeline.MarkerKind;

/** Which records are worth a marker on a timeline: drops, joins, leaves, errors, malformed input. */
final class TimelineMarkers {

    private TimelineMarkers() {}

    /** The marker for record {@code i}, or null when it is not one to mark. */
    static Marker markerFor(int i, EventRecord r) {
        if (r.malformed()) {
            return new Marker(i, r.wallMillis(), MarkerKind.MALFORMED, r.name() + ": " + r.problem());
        }
        String name = r.name();
        if (EventNames.CONNECTION_LOST.equals(name)) {
            return new Marker(
                    i,
                    r.wallMillis(),
                    MarkerKind.DROP,
                    "connection lost: " + r.payload().path("reason").asText());
        }
        if (EventNames.CONNECTION_ERROR.equals(name) || EventNames.CLIENT_CONNECT_ERROR.equals(name)) {
            return new Marker(
                    i,
                    r.wallMillis(),
                    MarkerKind.ERROR,
                    name + " " + r.payload().path("code").asText(""));
        }
        if (r.direction() == Direction.IN
                && (EventNames.USER_JOINED.equals(name) || EventNames.GROUP_JOINED.equals(name))) {
            return new Marker(
                    i, r.wallMillis(), MarkerKind.JOIN, name + " " + (r.userId() == null ? r.groupId() : r.userId()));
        }
        if (r.direction() == Direction.IN
                && (EventNames.USER_LEFT.equals(name) || EventNames.GROUP_LEFT.equals(name))) {
            return new Marker(
                    i, r.wallMillis(), MarkerKind.LEAVE, name + " " + (r.userId() == null ? r.groupId() : r.userId()));
        }
        return r.category() == EventCategory.CONNECTION
                        && r.direction() == Direction.LOCAL
                        && "FAILED"
                                .equals(
                                        r.payload() == null
                                                ? null
                                                : r.payload().path("to").asText())
                ? new Marker(i, r.wallMillis(), MarkerKind.ERROR, "connection failed")
                : null;
    }
}
