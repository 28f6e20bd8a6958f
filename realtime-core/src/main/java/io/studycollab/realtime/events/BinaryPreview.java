package io.studycollab.realtime.events;

/** How a binary attachment is shown: its size and its first bytes in hex, never as text or base64. */
public final class BinaryPreview {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private BinaryPreview() {}

    /** {@code binary, 5 bytes: 00 01 02 fe ff}; past {@code maxBytes} the rest is counted, not shown. */
    public static String of(byte[] bytes, int maxBytes) {
        int shown = Math.min(bytes.length, Math.max(0, maxBytes));
        StringBuilder s = new StringBuilder(32 + shown * 3);
        s.append("binary, ").append(bytes.length).append(bytes.length == 1 ? " byte" : " bytes");
        if (shown > 0) {
            s.append(':');
        }
        for (int i = 0; i < shown; i++) {
            s.append(' ').append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
        }
        if (shown < bytes.length && shown > 0) {
            s.append(" … (").append(bytes.length - shown).append(" more)");
        }
        return s.toString();
    }
}
