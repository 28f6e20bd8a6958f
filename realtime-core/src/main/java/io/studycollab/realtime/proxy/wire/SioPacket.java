package io.studycollab.realtime.proxy.wire;

/**
 * One Socket.IO v5 packet as carried in an Engine.IO message:
 * {@code <type>[<attachments>-][<nsp>,][<ackId>][<json>]}.
 *
 * @param type        {@link #CONNECT} … {@link #BINARY_ACK}
 * @param attachments how many binary packets follow (binary types only, else 0)
 * @param namespace   {@code "/"} unless the packet names another
 * @param ackId       the ack id, or -1
 * @param json        the JSON part as it came, possibly empty
 */
public record SioPacket(int type, int attachments, String namespace, long ackId, String json) {

    public static final int CONNECT = 0;
    public static final int DISCONNECT = 1;
    public static final int EVENT = 2;
    public static final int ACK = 3;
    public static final int CONNECT_ERROR = 4;
    public static final int BINARY_EVENT = 5;
    public static final int BINARY_ACK = 6;

    /** Parses the data of an Engine.IO message; throws {@link IllegalArgumentException} saying why not. */
    public static SioPacket parse(String data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("empty Socket.IO packet");
        }
        int type = data.charAt(0) - '0';
        if (type < CONNECT || type > BINARY_ACK) {
            throw new IllegalArgumentException("unknown Socket.IO packet type " + data.charAt(0));
        }
        int i = 1;
        int attachments = 0;
        if (type == BINARY_EVENT || type == BINARY_ACK) {
            int dash = data.indexOf('-', i);
            if (dash < 0) {
                throw new IllegalArgumentException("binary packet without attachment count");
            }
            attachments = parseCount(data.substring(i, dash));
            i = dash + 1;
        }
        String nsp = "/";
        if (i < data.length() && data.charAt(i) == '/') {
            int comma = data.indexOf(',', i);
            nsp = comma < 0 ? data.substring(i) : data.substring(i, comma);
            i = comma < 0 ? data.length() : comma + 1;
        }
        long ackId = -1;
        int digitsStart = i;
        while (i < data.length() && Character.isDigit(data.charAt(i)) && i - digitsStart < 18) {
            i++;
        }
        if (i > digitsStart) {
            ackId = Long.parseLong(data.substring(digitsStart, i));
        }
        return new SioPacket(type, attachments, nsp, ackId, data.substring(i));
    }

    private static int parseCount(String digits) {
        try {
            int n = Integer.parseInt(digits);
            if (n < 0 || n > 10_000) {
                throw new IllegalArgumentException("attachment count out of range: " + digits);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad attachment count " + digits);
        }
    }

    /** The Engine.IO message data for this packet (the inverse of {@link #parse}). */
    public String encode() {
        StringBuilder sb = new StringBuilder(json.length() + 16);
        sb.append((char) ('0' + type));
        if (type == BINARY_EVENT || type == BINARY_ACK) {
            sb.append(attachments).append('-');
        }
        if (!"/".equals(namespace)) {
            sb.append(namespace).append(',');
        }
        if (ackId >= 0) {
            sb.append(ackId);
        }
        sb.append(json);
        return sb.toString();
    }

    public boolean isBinary() {
        return type == BINARY_EVENT || type == BINARY_ACK;
    }

    public boolean isEvent() {
        return type == EVENT || type == BINARY_EVENT;
    }

    public boolean isAck() {
        return type == ACK || type == BINARY_ACK;
    }

    public SioPacket withJson(String newJson) {
        return new SioPacket(type, attachments, namespace, ackId, newJson);
    }

    public SioPacket withAckId(long id) {
        return new SioPacket(type, attachments, namespace, id, json);
    }
}
