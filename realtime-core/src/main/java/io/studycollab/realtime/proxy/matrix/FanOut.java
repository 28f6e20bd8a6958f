package io.studycollab.realtime.proxy.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;

/**
 * Which client events the server fans out to the group, and how a copy going down is recognised
 * as the copy of one going up (protocol §3/§4): the sender and a key from the content, so two
 * cursor moves to different places are told apart. Presence updates carry no stable content key
 * and match the sender's oldest outstanding one.
 */
final class FanOut {

    /** What a source or copy is known by: the kind of fan-out, its sender, and a content key. */
    record Key(String kind, String sender, String content) {}

    private FanOut() {}

    /** The key of an up event the server fans out, or null when it is not one. */
    static Key source(String name, String sender, JsonNode p) {
        if (sender == null || p == null) {
            return null;
        }
        return switch (name) {
            case EventNames.CURSOR_UPDATE -> new Key("cursor", sender, cursor(p));
            case EventNames.TOOL_CHANGE ->
                new Key("tool", sender, p.path("tool").asText());
            case EventNames.PRESENCE_UPDATE -> new Key("presence", sender, null);
            case EventNames.EVENT_EMIT ->
                p.path("event").isTextual()
                        ? new Key("custom:" + p.get("event").textValue(), sender, ProtocolCodec.write(p.path("data")))
                        : null;
            default -> null;
        };
    }

    /** The key of a down event that is a fanned-out copy, or null. */
    static Key copy(String name, JsonNode p) {
        if (p == null || !p.isObject()) {
            return null;
        }
        return switch (name) {
            case EventNames.USER_CURSOR_UPDATED -> key("cursor", p.path("userId"), cursor(p.path("cursor")));
            case EventNames.USER_TOOL_CHANGED ->
                key("tool", p.path("userId"), p.path("tool").asText());
            case EventNames.USER_PRESENCE_UPDATED ->
                key("presence", p.path("user").path("userId"), null);
            default ->
                p.has("from") && p.has("data") && p.path("from").isTextual()
                        ? key("custom:" + name, p.get("from"), ProtocolCodec.write(p.get("data")))
                        : null;
        };
    }

    private static Key key(String kind, JsonNode sender, String content) {
        return sender.isTextual() ? new Key(kind, sender.textValue(), content) : null;
    }

    private static String cursor(JsonNode c) {
        return c.path("x").asDouble() + "," + c.path("y").asDouble();
    }

    /** True when {@code copy} is a copy of {@code source}. */
    static boolean matches(Key source, Key copy) {
        return source.kind().equals(copy.kind())
                && source.sender().equals(copy.sender())
                && (source.content() == null
                        || copy.content() == null
                        || source.content().equals(copy.content()));
    }
}
