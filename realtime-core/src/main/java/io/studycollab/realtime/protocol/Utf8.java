package io.studycollab.realtime.protocol;

/** UTF-8 sizes of text without encoding it. */
public final class Utf8 {

    private Utf8() {}

    /** Bytes that {@code s[start, end)} takes in UTF-8 (a surrogate pair is 4 bytes for 2 chars). */
    public static int length(CharSequence s, int start, int end) {
        int bytes = end - start;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < end) {
                    bytes += 2;
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
