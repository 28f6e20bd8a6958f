package io.studycollab.realtime.protocol;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Every event name of the protocol (shared/protocol.md §3, §4) and the client's own local events. */
public final class EventNames {

    // client -> server
    public static final String GROUP_JOIN = "group:join";
    public static final String GROUP_LEAVE = "group:leave";
    public static final String GROUP_PRESENCE = "group:presence";
    public static final String PRESENCE_UPDATE = "presence:update";
    public static final String CURSOR_UPDATE = "cursor:update";
    public static final String TOOL_CHANGE = "tool:change";
    public static final String HEARTBEAT = "heartbeat";
    public static final String EVENT_EMIT = "event:emit";

    // server -> client
    public static final String CONNECTION_ESTABLISHED = "connection:established";
    public static final String CONNECTION_ERROR = "connection:error";
    public static final String GROUP_JOINED = "group:joined";
    public static final String GROUP_LEFT = "group:left";
    public static final String USER_JOINED = "user:joined";
    public static final String USER_LEFT = "user:left";
    public static final String USER_PRESENCE_UPDATED = "user:presence:updated";
    public static final String USER_CURSOR_UPDATED = "user:cursor:updated";
    public static final String USER_TOOL_CHANGED = "user:tool:changed";
    public static final String HEARTBEAT_ACK = "heartbeat:ack";

    // raised by a client library itself, no wire packet
    public static final String CONNECTION_LOST = "connection:lost";

    // this client's own local events (direction LOCAL)
    public static final String CLIENT_STATE = "client:state";
    public static final String CLIENT_CONNECT_ERROR = "client:connect_error";
    public static final String CLIENT_REJOINED = "client:rejoined";
    public static final String CLIENT_QUEUE_FLUSHED = "client:queue:flushed";
    public static final String CLIENT_QUEUE_DROPPED = "client:queue:dropped";
    public static final String CLIENT_TOKEN_EXPIRING = "client:token:expiring";
    /** A live token swap ended: {@code ok}, and the reason when it failed. */
    public static final String CLIENT_TOKEN_SWAPPED = "client:token:swapped";

    public static final String CLIENT_ACK = "client:ack";
    /**
     * The state a recording starts from (connection, group, members with presence, cursors, tools),
     * written when recording starts and after the group changes, so a file opens with what was on screen.
     */
    public static final String CLIENT_SNAPSHOT = "client:snapshot";
    /**
     * Inbound events the client could not keep under overload, with exact counts (local, written to
     * the session file in their place): see {@code events.DropTally}.
     */
    public static final String CLIENT_DROPPED = "client:dropped";
    /** A packet from the server that no Socket.IO parser accepts; recorded inbound, raw, as malformed. */
    public static final String CLIENT_MALFORMED_PACKET = "client:malformed-packet";

    /** The protocol's own names: custom events may not use them. */
    public static final Set<String> RESERVED = Set.of(
            CONNECTION_ESTABLISHED,
            CONNECTION_ERROR,
            CONNECTION_LOST,
            GROUP_JOIN,
            GROUP_LEAVE,
            GROUP_PRESENCE,
            GROUP_JOINED,
            GROUP_LEFT,
            PRESENCE_UPDATE,
            CURSOR_UPDATE,
            TOOL_CHANGE,
            HEARTBEAT,
            HEARTBEAT_ACK,
            EVENT_EMIT,
            USER_JOINED,
            USER_LEFT,
            USER_PRESENCE_UPDATED,
            USER_CURSOR_UPDATED,
            USER_TOOL_CHANGED,
            "connect",
            "connect_error",
            "disconnect",
            "disconnecting",
            "newListener",
            "removeListener");

    /** Server-to-client events a debugger user may want to emit or filter on. */
    public static final Set<String> SERVER_EVENTS = Set.of(
            CONNECTION_ESTABLISHED,
            CONNECTION_ERROR,
            GROUP_JOINED,
            GROUP_LEFT,
            GROUP_PRESENCE,
            USER_JOINED,
            USER_LEFT,
            USER_PRESENCE_UPDATED,
            USER_CURSOR_UPDATED,
            USER_TOOL_CHANGED,
            HEARTBEAT_ACK);

    /** Client-to-server events, in the order the protocol lists them. */
    public static final List<String> CLIENT_EVENTS = List.of(
            GROUP_JOIN,
            GROUP_LEAVE,
            GROUP_PRESENCE,
            PRESENCE_UPDATE,
            CURSOR_UPDATE,
            TOOL_CHANGE,
            HEARTBEAT,
            EVENT_EMIT);

    private static final Map<String, EventCategory> CATEGORIES = Map.ofEntries(
            Map.entry(CONNECTION_ESTABLISHED, EventCategory.CONNECTION),
            Map.entry(CONNECTION_ERROR, EventCategory.CONNECTION),
            Map.entry(CONNECTION_LOST, EventCategory.CONNECTION),
            Map.entry(CLIENT_STATE, EventCategory.CONNECTION),
            Map.entry(CLIENT_CONNECT_ERROR, EventCategory.CONNECTION),
            Map.entry(CLIENT_TOKEN_EXPIRING, EventCategory.CONNECTION),
            Map.entry(CLIENT_TOKEN_SWAPPED, EventCategory.CONNECTION),
            Map.entry(GROUP_JOIN, EventCategory.GROUP),
            Map.entry(GROUP_LEAVE, EventCategory.GROUP),
            Map.entry(GROUP_PRESENCE, EventCategory.GROUP),
            Map.entry(GROUP_JOINED, EventCategory.GROUP),
            Map.entry(GROUP_LEFT, EventCategory.GROUP),
            Map.entry(USER_JOINED, EventCategory.GROUP),
            Map.entry(USER_LEFT, EventCategory.GROUP),
            Map.entry(CLIENT_REJOINED, EventCategory.GROUP),
            Map.entry(PRESENCE_UPDATE, EventCategory.PRESENCE),
            Map.entry(CURSOR_UPDATE, EventCategory.PRESENCE),
            Map.entry(TOOL_CHANGE, EventCategory.PRESENCE),
            Map.entry(USER_PRESENCE_UPDATED, EventCategory.PRESENCE),
            Map.entry(USER_CURSOR_UPDATED, EventCategory.PRESENCE),
            Map.entry(USER_TOOL_CHANGED, EventCategory.PRESENCE),
            Map.entry(HEARTBEAT, EventCategory.SYSTEM),
            Map.entry(HEARTBEAT_ACK, EventCategory.SYSTEM),
            Map.entry(CLIENT_QUEUE_FLUSHED, EventCategory.SYSTEM),
            Map.entry(CLIENT_QUEUE_DROPPED, EventCategory.SYSTEM),
            Map.entry(CLIENT_DROPPED, EventCategory.SYSTEM),
            Map.entry(CLIENT_ACK, EventCategory.SYSTEM),
            Map.entry(EVENT_EMIT, EventCategory.CUSTOM));

    private static final Pattern CUSTOM_NAME = Pattern.compile("^[a-z][a-z0-9_.-]*(:[a-z0-9_.-]+)*$");

    private EventNames() {}

    public static EventCategory categoryOf(String name) {
        EventCategory known = CATEGORIES.get(name);
        if (known != null) {
            return known;
        }
        return name != null && name.startsWith("client:") ? EventCategory.SYSTEM : EventCategory.CUSTOM;
    }

    public static boolean isProtocolEvent(String name) {
        return RESERVED.contains(name);
    }

    /** Null when {@code name} is a legal custom event name, else why not. */
    public static String customNameProblem(String name) {
        if (name == null
                || name.isEmpty()
                || name.length() > 64
                || !CUSTOM_NAME.matcher(name).matches()) {
            return "event must be 1-64 characters matching ^[a-z][a-z0-9_.-]*(:[a-z0-9_.-]+)*$";
        }
        if (RESERVED.contains(name)
                || name.startsWith("connection:")
                || name.startsWith("user:")
                || name.startsWith("group:")
                || name.startsWith("heartbeat")) {
            return "event name " + name + " is reserved";
        }
        return null;
    }
}
