package io.studycollab.realtime.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Decodes the header of one inbound Engine.IO v4 packet (and the Socket.IO v5 packet inside a
 * message) far enough to judge it before netty-socketio's decoder does. That decoder trusts its
 * input: it wraps ack ids past 2^63, indexes into empty packets, reads any byte as a digit, skips
 * its auth listeners for a CONNECT whose data is missing or {@code null}, and logs a stack trace
 * for each packet it cannot read. Encoding: {@code <type>[<attachments>-][<nsp>,][<ackId>][<json>]}.
 */
public final class PacketCheck {

    /**
     * The largest ack id accepted: 2^31 - 1. A JavaScript peer could count to 2^53 - 1, but
     * netty-socketio reads ack ids with int arithmetic and garbles them from 3e9 up (and wraps past
     * 2^63); ids count up from 0 per connection, so no real client comes near.
     */
    public static final long MAX_ACK_ID = Integer.MAX_VALUE;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What to do with a packet. */
    public enum Kind {
        /** Let netty-socketio have it. */
        PASS,
        /** A CONNECT without an auth object: refuse with AUTH_MISSING, never admit. */
        CONNECT_WITHOUT_AUTH,
        /** Not a packet of the protocol: close the connection (socket.io's "parse error"). */
        MALFORMED
    }

    /**
     * @param namespace the CONNECT's namespace ({@code ""} for the default one)
     * @param reason what is wrong with it, for the log line and the counters; null when nothing is
     */
    public record Verdict(Kind kind, String namespace, String reason) {
        static final Verdict PASS = new Verdict(Kind.PASS, null, null);

        static Verdict malformed(String reason) {
            return new Verdict(Kind.MALFORMED, null, reason);
        }
    }

    private PacketCheck() {}

    public static Verdict check(String packet) {
        if (packet.isEmpty()) {
            return Verdict.malformed("empty packet");
        }
        char engineType = packet.charAt(0);
        if (engineType == 'b') {
            return Verdict.PASS; // a base64 binary packet in a polling payload
        }
        if (engineType < '0' || engineType > '6') {
            return Verdict.malformed("unknown Engine.IO packet type");
        }
        if (engineType != '4') {
            return Verdict.PASS;
        }
        if (packet.length() < 2) {
            return Verdict.malformed("message packet without a Socket.IO type");
        }
        char type = packet.charAt(1);
        if (type < '0' || type > '6') {
            return Verdict.malformed("unknown Socket.IO packet type");
        }
        int i = 2;
        if (type == '5' || type == '6') {
            int dash = packet.indexOf('-', i);
            if (dash <= i || dash - i > 6 || !digits(packet, i, dash)) {
                return Verdict.malformed("bad attachment count");
            }
            i = dash + 1;
        }
        String namespace = "";
        if (i < packet.length() && packet.charAt(i) == '/') {
            int comma = packet.indexOf(',', i);
            int end = comma < 0 ? packet.length() : comma;
            namespace = packet.substring(i, end);
            if (namespace.equals("/")) {
                namespace = "";
            }
            i = comma < 0 ? packet.length() : comma + 1;
        }
        if (type == '0') {
            return connect(packet.substring(i), namespace);
        }
        int ackEnd = i;
        while (ackEnd < packet.length() && isDigit(packet.charAt(ackEnd))) {
            ackEnd++;
        }
        if (ackEnd > i && !ackIdFits(packet.substring(i, ackEnd))) {
            return Verdict.malformed("ack id beyond 2^31 - 1");
        }
        if (ackEnd < packet.length() && packet.charAt(ackEnd) != '[' && packet.charAt(ackEnd) != '{') {
            return Verdict.malformed("bad packet header");
        }
        if ((type == '2' || type == '5') && ackEnd == packet.length()) {
            return Verdict.malformed("event without arguments");
        }
        return Verdict.PASS;
    }

    private static Verdict connect(String data, String namespace) {
        if (data.isEmpty()) {
            // What a client without auth sends: not malformed, just no token.
            return new Verdict(Kind.CONNECT_WITHOUT_AUTH, namespace, null);
        }
        JsonNode auth;
        try {
            auth = JSON.readTree(data);
        } catch (Exception e) {
            auth = null;
        }
        if (auth == null || !auth.isObject()) {
            return new Verdict(Kind.CONNECT_WITHOUT_AUTH, namespace, "CONNECT data is not a JSON object");
        }
        return new Verdict(Kind.PASS, namespace, null);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean ackIdFits(String digits) {
        return digits.length() <= 10 && Long.parseLong(digits) <= MAX_ACK_ID;
    }
}
