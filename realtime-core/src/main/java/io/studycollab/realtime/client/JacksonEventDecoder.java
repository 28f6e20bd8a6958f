package io.studycollab.realtime.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.socket.parser.DecodingException;
import io.socket.parser.IOParser;
import io.socket.parser.Packet;
import io.socket.parser.Parser;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.protocol.Utf8;
import io.studycollab.realtime.protocol.WirePayload;
import java.io.IOException;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * socket.io packet decoder that parses EVENT packets with Jackson, straight into the trees the
 * rest of the pipeline uses. socket.io-client-java's own decoder parses into org.json (numbers
 * through BigInteger) and we then had to convert every value again; on a flood that double work
 * was most of the difference to a bare client.
 *
 * <p>Only the common case takes this path: a text EVENT packet whose JSON is an array starting with
 * a string name and nothing after it. Everything else — binary packets, acks, CONNECT, odd names,
 * invalid or too deeply nested JSON, trailing text — goes to the library's decoder unchanged, so
 * what is accepted or rejected stays exactly what socket.io-client-java does.
 *
 * <p>On a websocket the parsing is not even done here: {@link IngressGate} parses each EVENT frame
 * on OkHttp's reader thread ({@link #predecode}) and hands the result to the event thread just before
 * the library delivers that frame ({@link #expect}); {@link #add} takes it when the packet it is
 * given is that frame's text. The one event thread that every connection shares then only hands
 * packets on, and the JSON is parsed on the reader thread, beside it.
 */
final class JacksonEventDecoder implements Parser.Decoder {

    /** Told about a packet nothing could decode, before socket.io-client-java drops it. */
    interface UndecodableListener {
        void undecodable(String packet, String reason);
    }

    /**
     * An EVENT frame parsed on the reader thread: the frame's text, and the packet or why none.
     * {@code packet} null and {@code tooDeep} null means "let the library's decoder decide".
     */
    static final class Predecoded {
        private final String frame;
        private final Packet<JSONArray> packet;
        private final String tooDeep;

        private Predecoded(String frame, Packet<JSONArray> packet, String tooDeep) {
            this.frame = frame;
            this.packet = packet;
            this.tooDeep = tooDeep;
        }

        /**
         * True when {@code packet} is this Engine.IO frame's Socket.IO packet (the frame without its
         * {@code 4}). Only the frame being delivered is expected, and only while it is (see
         * {@link FrameRelay}), so its length and ends tell; the whole text is not compared again.
         */
        boolean isFrameOf(String packet) {
            int n = packet.length();
            return frame.length() == n + 1
                    && n > 0
                    && frame.charAt(1) == packet.charAt(0)
                    && frame.charAt(n) == packet.charAt(n - 1);
        }
    }

    /** Confined to socket.io's one event thread: the frame about to be delivered, parsed. */
    private static Predecoded expected;

    /**
     * Parses an Engine.IO message frame's EVENT packet ({@code 42…}) on the calling thread, or null
     * when it is no such frame.
     */
    static Predecoded predecode(String frame) {
        if (frame.length() < 3 || frame.charAt(0) != '4' || frame.charAt(1) != '0' + Parser.EVENT) {
            return null;
        }
        try {
            return new Predecoded(frame, event(frame, 1), null);
        } catch (TooDeep e) {
            return new Predecoded(frame, null, e.getMessage());
        }
    }

    /** On the event thread, just before the library delivers the frame {@code p} was parsed from. */
    static void expect(Predecoded p) {
        expected = p;
    }

    private final IOParser.Decoder fallback = new IOParser.Decoder();
    private final UndecodableListener undecodable;
    private Callback callback;

    JacksonEventDecoder(UndecodableListener undecodable) {
        this.undecodable = undecodable;
    }

    /** Thrown for JSON nested past Jackson's limit: no decoder should try it (see {@link #add}). */
    static final class TooDeep extends RuntimeException {
        TooDeep(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void add(String packet) {
        Predecoded pre = expected;
        expected = null;
        Packet<JSONArray> decoded;
        if (pre != null && pre.isFrameOf(packet)) {
            if (pre.tooDeep != null) {
                undecodable.undecodable(packet, pre.tooDeep);
                return;
            }
            decoded = pre.packet;
        } else {
            try {
                decoded = packet.length() > 1 && packet.charAt(0) == '0' + Parser.EVENT ? event(packet, 0) : null;
            } catch (TooDeep e) {
                // The library's decoder would recurse once per level in org.json: 100,000 levels overflow
                // the event thread's stack (an Error, not a DecodingException). Shown raw, as undecodable.
                undecodable.undecodable(packet, e.getMessage());
                return;
            }
        }
        if (decoded == null) {
            try {
                fallback.add(packet);
            } catch (DecodingException e) {
                // The library only logs this at FINE and moves on; a debugger should show it.
                undecodable.undecodable(packet, e.getMessage());
                throw e;
            }
        } else if (callback != null) {
            callback.call(decoded);
        }
    }

    @Override
    public void add(byte[] attachment) {
        fallback.add(attachment);
    }

    @Override
    public void destroy() {
        fallback.destroy();
        callback = null;
    }

    @Override
    public void onDecoded(Callback callback) {
        this.callback = callback;
        fallback.onDecoded(callback);
    }

    /** The packet, or null to let the library's decoder handle it. */
    static Packet<JSONArray> event(String s) {
        return event(s, 0);
    }

    /** The packet that starts at {@code start} of {@code s} (its type digit), or null as above. */
    static Packet<JSONArray> event(String s, int start) {
        int i = start + 1;
        int length = s.length();
        String nsp = "/";
        if (s.charAt(i) == '/') {
            int comma = s.indexOf(',', i);
            if (comma < 0) {
                return null;
            }
            nsp = s.substring(i, comma);
            i = comma + 1;
        }
        int id = -1;
        int digits = i;
        while (digits < length && s.charAt(digits) >= '0' && s.charAt(digits) <= '9') {
            digits++;
        }
        if (digits > i) {
            if (digits - i > 9) {
                return null;
            }
            id = Integer.parseInt(s, i, digits, 10);
            i = digits;
        }
        if (i >= length || s.charAt(i) != '[') {
            return null;
        }
        JSONArray args = arguments(s, i);
        if (args == null) {
            return null;
        }
        Packet<JSONArray> p = new Packet<>(Parser.EVENT, args);
        p.nsp = nsp;
        p.id = id;
        return p;
    }

    private static JSONArray arguments(String s, int from) {
        try (JsonParser p = ProtocolCodec.mapper().getFactory().createParser(s.substring(from))) {
            if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            JSONArray args = new JSONArray(2);
            args.put(p.getText());
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int start = (int) p.currentTokenLocation().getCharOffset();
                JsonNode tree = ProtocolCodec.mapper().readTree(p);
                int end = (int) p.currentLocation().getCharOffset();
                args.put(
                        tree == null || tree.isNull()
                                ? JSONObject.NULL
                                : new WirePayload(tree, Utf8.length(s, from + start, from + end)));
            }
            return p.nextToken() == null ? args : null;
        } catch (StreamConstraintsException e) {
            throw new TooDeep("JSON beyond the decoder's limits: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            // Invalid, too deep, too long: the library's decoder decides, as it always did.
            return null;
        }
    }
}
