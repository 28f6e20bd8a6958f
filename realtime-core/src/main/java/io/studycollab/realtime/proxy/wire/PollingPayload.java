package io.studycollab.realtime.proxy.wire;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Engine.IO v4 long-polling bodies: packets joined by the record separator {@code \x1e}, binary
 * packets as {@code b} + base64.
 */
public final class PollingPayload {

    public static final char SEPARATOR = '\u001e';

    private PollingPayload() {}

    public static List<EioPacket> decode(String body) {
        List<EioPacket> out = new ArrayList<>();
        if (body.isEmpty()) {
            return out;
        }
        int start = 0;
        while (true) {
            int end = body.indexOf(SEPARATOR, start);
            String segment = end < 0 ? body.substring(start) : body.substring(start, end);
            out.add(decodeSegment(segment));
            if (end < 0) {
                return out;
            }
            start = end + 1;
        }
    }

    private static EioPacket decodeSegment(String segment) {
        if (segment.startsWith("b")) {
            try {
                return EioPacket.binaryMessage(Base64.getDecoder().decode(segment.substring(1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad base64 in a binary polling packet", e);
            }
        }
        return EioPacket.parseText(segment);
    }

    public static String encode(List<EioPacket> packets) {
        StringBuilder sb = new StringBuilder();
        for (EioPacket p : packets) {
            if (sb.length() > 0) {
                sb.append(SEPARATOR);
            }
            if (p.isBinary()) {
                sb.append('b').append(Base64.getEncoder().encodeToString(p.binary()));
            } else {
                sb.append(p.type()).append(p.text());
            }
        }
        return sb.toString();
    }
}
