package io.studycollab.realtime.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Every payload of the protocol as a record (shared/protocol.md §2–§4). */
public final class Payloads {

    private Payloads() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cursor(double x, double y) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserPresence(
            String userId,
            String displayName,
            String avatarUrl,
            String groupId,
            Cursor cursor,
            boolean isActive,
            String currentTool,
            String lastSeen) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConnectionEstablished(
            String socketId,
            String userId,
            String displayName,
            String serverTime,
            long heartbeatIntervalMs,
            String tokenExpiresAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConnectionError(String code, String message, String event) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupMembers(String groupId, List<UserPresence> members) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupRef(String groupId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserJoined(String groupId, UserPresence user) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserLeft(String groupId, String userId, String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserPresenceUpdated(String groupId, UserPresence user) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserCursorUpdated(String groupId, String userId, Cursor cursor, long ts) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserToolChanged(String groupId, String userId, String tool) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HeartbeatAck(long ts, String serverTime) {}

    /** What every custom event delivers: {@code { from, groupId, data, ts }}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomEvent(String from, String groupId, JsonNode data, long ts) {}

    /** Client → server. Absent fields are left out of the packet, as the protocol makes them optional. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PresenceUpdate(Boolean isActive, String currentTool, Cursor cursor) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EmitRequest(String event, JsonNode data, String groupId) {}

    public record ToolChange(String tool) {}

    public record Heartbeat(long ts) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorInfo(String code, String message) {}
}
