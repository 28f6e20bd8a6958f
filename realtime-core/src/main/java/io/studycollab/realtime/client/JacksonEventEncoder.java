package io.studycollab.realtime.client;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.socket.parser.IOParser;
import io.socket.parser.Packet;
import io.socket.parser.Parser;
import io.studycollab.realtime.protocol.EncodedPayload;
import org.json.JSONArray;

/**
 * The counterpart of {@link JacksonEventDecoder}: writes our EVENT packets — a name and payloads
 * Jackson already serialised ({@link EncodedPayload}) — straight to the Socket.IO text, so each
 * payload is serialised once. Before, a payload was written to JSON, parsed back into org.json,
 * serialised again to measure it, and once more by the library. Anything else (binary, acks of
 * the server's events, CONNECT, DISCONNECT) goes to the library's encoder unchanged.
 */
final class JacksonEventEncoder implements Parser.Encoder {

    private final IOParser.Encoder fallback = new IOParser.Encoder();

    @Override
    public void encode(Packet obj, Callback callback) {
        String ours = obj.type == Parser.EVENT ? encodeEvent(obj) : null;
        if (ours == null) {
            fallback.encode(obj, callback);
        } else {
            callback.call(new String[] {ours});
        }
    }

    /** The packet's text, or null when it is not a name followed by encoded payloads. */
    static String encodeEvent(Packet<?> p) {
        if (!(p.data instanceof JSONArray args) || args.length() == 0 || !(args.opt(0) instanceof String name)) {
            return null;
        }
        int length = 16 + name.length();
        for (int i = 1; i < args.length(); i++) {
            if (!(args.opt(i) instanceof EncodedPayload e)) {
                return null;
            }
            length += e.json().length() + 1;
        }
        StringBuilder s = new StringBuilder(length);
        s.append(Parser.EVENT);
        if (p.nsp != null && !p.nsp.isEmpty() && !"/".equals(p.nsp)) {
            s.append(p.nsp).append(',');
        }
        if (p.id >= 0) {
            s.append(p.id);
        }
        s.append("[\"");
        JsonStringEncoder.getInstance().quoteAsString(name, s);
        s.append('"');
        for (int i = 1; i < args.length(); i++) {
            s.append(',').append(((EncodedPayload) args.opt(i)).json());
        }
        return s.append(']').toString();
    }
}
