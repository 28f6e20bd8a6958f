package io.studycollab.realtime.proxy.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Engine.IO v4 packet: a type and either text data or, for a binary message, raw bytes. The
 * proxy forwards these as they came (text re-encodes to the same UTF-8 bytes, binary is never
 * touched), so passing a packet through changes nothing on the wire.
 *
 * @param type   {@link #OPEN} … {@link #NOOP}
 * @param text   the data after the type character (never null for a text packet)
 * @param binary the bytes of a binary message, or null for a text packet
 */
public record EioPacket(char type, String text, byte[] binary) {

    public static final char OPEN = '0';
    public static final char CLOSE = '1';
    public static final char PING = '2';
    public static final char PONG = '3';
    public static final char MESSAGE = '4';
    public static final char UPGRADE = '5';
    public static final char NOOP = '6';

    public EioPacket {
        if (type < OPEN || type > NOOP) {
            throw new IllegalArgumentException("unknown Engine.IO packet type " + type);
        }
        if (binary == null) {
            Objects.requireNonNull(text, "text");
        } else if (type != MESSAGE) {
            throw new IllegalArgumentException("only a message can be binary");
        }
    }

    /** A text frame or polling segment: the type character, then the data. */
    public static EioPacket parseText(String frame) {
        if (frame.isEmpty()) {
            throw new IllegalArgumentException("empty Engine.IO packet");
        }
        return new EioPacket(frame.charAt(0), frame.substring(1), null);
    }

    public static EioPacket binaryMessage(byte[] bytes) {
        return new EioPacket(MESSAGE, null, bytes);
    }

    public static EioPacket message(String data) {
        return new EioPacket(MESSAGE, data, null);
    }

    public boolean isBinary() {
        return binary != null;
    }

    public boolean isMessage() {
        return type == MESSAGE;
    }

    /** The text frame as sent over a websocket (type character and data). */
    public String frameText() {
        return type + text;
    }

    /** Bytes on the wire: the UTF-8 text frame or the binary payload. */
    public int wireSize() {
        return binary != null ? binary.length : frameText().getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EioPacket p
                && p.type == type
                && Objects.equals(p.text, text)
                && Arrays.equals(p.binary, binary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text) * 31 + Arrays.hashCode(binary);
    }

    @Override
    public String toString() {
        return binary != null ? "EioPacket[binary " + binary.length + " bytes]" : "EioPacket[" + frameText() + "]";
    }
}
