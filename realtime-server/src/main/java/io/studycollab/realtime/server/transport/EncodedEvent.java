package io.studycollab.realtime.server.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * An outbound event's JSON arguments ({@code ["name",payload]}) encoded once for every recipient of a
 * broadcast. netty-socketio encodes a packet per recipient; with the group's sockets all receiving
 * the same cursor update, that JSON encoding was a fifth of the server's CPU under a flood. Only
 * for payloads of plain JSON (no binary attachments), which is all the server sends to groups.
 */
public final class EncodedEvent {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final String name;
    private final byte[] json;

    private EncodedEvent(String name, byte[] json) {
        this.name = name;
        this.json = json;
    }

    /** Encodes {@code name} and {@code payload} as the arguments array of a Socket.IO EVENT packet. */
    public static EncodedEvent of(String name, JsonNode payload) {
        try {
            return new EncodedEvent(name, MAPPER.writeValueAsBytes(List.of(name, payload)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a JsonNode tree always serializes
        }
    }

    public String name() {
        return name;
    }

    /**
     * Writes the encoded arguments when {@code value} is what netty-socketio's encoder hands its JSON
     * support for an EVENT carrying this: the list of the event's name and this one argument.
     *
     * @return false when {@code value} is anything else (the caller encodes it as usual)
     */
    static boolean writeIfEncoded(OutputStream out, Object value) throws IOException {
        if (value instanceof List<?> args
                && args.size() == 2
                && args.get(1) instanceof EncodedEvent e
                && e.name.equals(args.get(0))) {
            out.write(e.json);
            return true;
        }
        return false;
    }

    /** The encoded arguments, for tests and logs. */
    public byte[] json() {
        return Arrays.copyOf(json, json.length);
    }
}
