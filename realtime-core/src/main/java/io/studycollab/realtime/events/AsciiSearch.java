package io.studycollab.realtime.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds lower-case ASCII text in UTF-8 bytes, ignoring ASCII case, without decoding them to a
 * String. One byte of the needle (a letter when it has one: in JSON, digits and punctuation are
 * everywhere) is looked for eight bytes at a time in a {@code long}; only where it turns up is the
 * whole needle compared. A free-text filter reads every payload of the history, so this loop is
 * most of its time: byte by byte it was 147 ms over a million payloads.
 */
final class AsciiSearch {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    // Setting bit 5 of every byte makes 'X' read as 'x' and changes no byte into a letter.
    private static final long CASE_BITS = 0x2020202020202020L;

    private final byte[] needle;
    private final int anchor; // index in the needle of the byte looked for first
    private final long fold; // CASE_BITS when the anchor is a letter
    private final long anchorInEveryByte;

    /** @param needle lower-case ASCII bytes */
    AsciiSearch(byte[] needle) {
        this.needle = needle.clone();
        int a = needle.length - 1;
        for (int k = needle.length - 1; k >= 0; k--) {
            if (needle[k] >= 'a' && needle[k] <= 'z') {
                a = k;
                break;
            }
        }
        anchor = Math.max(0, a);
        boolean letter = needle.length > 0 && needle[anchor] >= 'a' && needle[anchor] <= 'z';
        fold = letter ? CASE_BITS : 0;
        anchorInEveryByte = needle.length == 0 ? 0 : (needle[anchor] & 0xffL) * ONES;
    }

    boolean foundIn(byte[] haystack) {
        int m = needle.length;
        if (m == 0) {
            return true;
        }
        int last = haystack.length - m + anchor; // the anchor's last possible position
        int p = anchor;
        for (; p + 7 <= last; p += 8) {
            long w = ((long) LONGS.get(haystack, p) | fold) ^ anchorInEveryByte;
            // a high bit for every zero byte of w (and maybe above one): where the anchor may be
            long candidates = (w - ONES) & ~w & HIGHS;
            while (candidates != 0) {
                int at = p + (Long.numberOfTrailingZeros(candidates) >>> 3);
                if (matchesAt(haystack, at - anchor)) {
                    return true;
                }
                candidates &= candidates - 1;
            }
        }
        for (; p <= last; p++) {
            if (matchesAt(haystack, p - anchor)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(byte[] haystack, int start) {
        for (int k = 0; k < needle.length; k++) {
            if (lower(haystack[start + k]) != needle[k]) {
                return false;
            }
        }
        return true;
    }

    // Bytes of multi-byte UTF-8 sequences are negative and never equal an ASCII needle byte.
    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}
