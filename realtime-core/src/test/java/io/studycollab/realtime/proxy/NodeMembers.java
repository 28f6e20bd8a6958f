package io.studycollab.realtime.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.testing.TestTokens;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Several official-client members for a test; closes them all. */
public final class NodeMembers implements AutoCloseable {

    private final String url;
    private final List<NodeMember> members = new ArrayList<>();

    public NodeMembers(String url) {
        this.url = url;
    }

    /** Connects a member with a token for {@code sub} and joins {@code group} (waits for the ack). */
    public Member join(String sub, String name, String transport, String group) throws IOException {
        NodeMember m = NodeMember.connect(url, TestTokens.token(sub, name, 3600).reveal(), transport);
        members.add(m);
        JsonNode ack = m.ackOf(m.emit("group:join", json("{\"groupId\":\"" + group + "\"}"), true));
        if (!ack.path("args").get(0).path("ok").asBoolean()) {
            throw new IllegalStateException(sub + " could not join: " + ack);
        }
        return new Member(m);
    }

    /** The test-facing face of a member. */
    public static final class Member implements AutoCloseable {
        private final NodeMember m;

        Member(NodeMember m) {
            this.m = m;
        }

        public int emit(String event, JsonNode arg, boolean ack) {
            return m.emit(event, arg, ack);
        }

        public List<JsonNode> events(String name) {
            return m.events(name);
        }

        public JsonNode await(String what, Predicate<JsonNode> p) {
            return m.await(what, p);
        }

        @Override
        public void close() {
            m.close();
        }
    }

    public static JsonNode json(String s) {
        try {
            return ProtocolCodec.parse(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        members.forEach(NodeMember::close);
    }
}
