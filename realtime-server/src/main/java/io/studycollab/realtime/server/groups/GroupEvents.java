package io.studycollab.realtime.server.groups;

import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.server.limits.GroupFanout;
import io.studycollab.realtime.server.limits.LoopLag;
import io.studycollab.realtime.server.session.SocketSession;
import io.studycollab.realtime.server.transport.EncodedEvent;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * How anything reaches a group's sockets: netty-socketio's rooms (one room per group), through the
 * group's {@link GroupFanout} budget. The one owner of that budget; {@link #close()} stops its flushes.
 */
public final class GroupEvents implements GroupFanout.Rooms, AutoCloseable {

    private final SocketIOServer io;
    private final GroupFanout fanout;

    public GroupEvents(SocketIOServer io, Clock clock, double fanoutPerSecond, Duration flushEvery, LoopLag loops) {
        this.io = io;
        this.fanout = new GroupFanout(clock, fanoutPerSecond, flushEvery, this, loops::behind);
    }

    /** To everyone in the group but {@code s} (null: to everyone). */
    public void toOthers(String groupId, String event, ObjectNode payload, SocketSession s) {
        fanout.send(groupId, event, payload, s == null ? null : s.id());
    }

    /** A cursor update from {@code s}, which may be held and replaced by a later one. */
    public void cursor(String groupId, SocketSession s, ObjectNode payload) {
        fanout.cursor(groupId, s.user().userId(), EventNames.USER_CURSOR_UPDATED, payload, s.id());
    }

    /** {@code user:presence:updated} for a change, to everyone but {@code except} (null: to everyone). */
    public void presence(GroupRegistry.Changed changed, SocketSession except) {
        ObjectNode event = ProtocolCodec.object().put("groupId", changed.groupId());
        event.set("user", changed.user());
        toOthers(changed.groupId(), EventNames.USER_PRESENCE_UPDATED, event, except);
    }

    /** The group emptied: what it held has nobody to go to. */
    public void emptied(String groupId) {
        fanout.forget(groupId);
    }

    public GroupFanout fanout() {
        return fanout;
    }

    @Override
    public int recipients(String groupId, UUID except) {
        int n = 0;
        for (var c : io.getRoomOperations(groupId).getClients()) {
            if (!c.getSessionId().equals(except)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void send(String groupId, String event, ObjectNode payload, UUID except) {
        // Encoded once here, not once per recipient by netty-socketio's encoder.
        io.getRoomOperations(groupId)
                .sendEvent(event, c -> c.getSessionId().equals(except), EncodedEvent.of(event, payload));
    }

    @Override
    public void close() {
        fanout.close();
    }
}
