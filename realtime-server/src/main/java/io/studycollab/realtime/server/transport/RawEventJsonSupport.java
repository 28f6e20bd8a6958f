package io.studycollab.realtime.server.transport;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.protocol.AckArgs;
import com.corundumstudio.socketio.protocol.Event;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * netty-socketio decodes an event's arguments by the classes registered for its name and drops
 * events it has no listener for without a word (or an ack). The protocol wants every event
 * answered, unknown names included, so this decoder turns every event into one catch-all event
 * whose arguments are the real name followed by the raw JSON arguments.
 */
public final class RawEventJsonSupport implements JsonSupport {

    /** The single event name every inbound event is delivered under. */
    public static final String ANY_EVENT = "\u0000any";

    /** Set as the name argument when the packet's JSON could not be read at all. */
    public static final String UNREADABLE = "\u0000unreadable";

    private final JacksonJsonSupport delegate = new JacksonJsonSupport();
    private final ObjectMapper mapper = JsonMapper.builder().build();

    public RawEventJsonSupport() {
        // The transport caps packets at 64 KiB; nesting inside that is checked (depth <= 32) by the
        // protocol handler with an INVALID_PAYLOAD answer, so the parser itself must not choke first.
        mapper.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(70_000).build());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T readValue(String namespaceName, ByteBufInputStream src, Class<T> valueType) throws IOException {
        if (valueType != Event.class) {
            return delegate.readValue(namespaceName, src, valueType);
        }
        List<Object> args = new ArrayList<>();
        JsonNode root;
        try {
            root = mapper.readTree((InputStream) src);
        } catch (IOException | RuntimeException e) {
            args.add(JsonNodeFactory.instance.textNode(UNREADABLE));
            return (T) new Event(ANY_EVENT, args);
        }
        if (root == null || !root.isArray() || root.isEmpty() || !root.get(0).isTextual()) {
            args.add(JsonNodeFactory.instance.textNode(UNREADABLE));
            return (T) new Event(ANY_EVENT, args);
        }
        for (JsonNode n : root) {
            args.add(n);
        }
        return (T) new Event(ANY_EVENT, args);
    }

    @Override
    public AckArgs readAckArgs(ByteBufInputStream src, AckCallback<?> callback) throws IOException {
        return delegate.readAckArgs(src, callback);
    }

    @Override
    public void writeValue(ByteBufOutputStream out, Object value) throws IOException {
        if (!EncodedEvent.writeIfEncoded(out, value)) {
            delegate.writeValue(out, value);
        }
    }

    @Override
    public void addEventMapping(String namespaceName, String eventName, Class<?>... eventClass) {
        delegate.addEventMapping(namespaceName, eventName, eventClass);
    }

    @Override
    public void removeEventMapping(String namespaceName, String eventName) {
        delegate.removeEventMapping(namespaceName, eventName);
    }

    @Override
    public List<byte[]> getArrays() {
        return delegate.getArrays();
    }
}
