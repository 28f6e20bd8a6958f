package io.studycollab.realtime.events;

/**
 * Finds lower-case ASCII text in UTF-8 bytes, ignoring ASCII case, without decoding them to a
 * String. Boyer-Moore-Horspool: the byte under the end of the window says how far the needle can
 * move, so most bytes of a payload are never looked at (a free-text filter reads every payload of
 * the history, and the byte-by-byte scan it replaced was most of the filter's time).
 */
final class AsciiSearch {

    private final byte[] needle;
    private final int[] shift = new int[256];

    /** @param needle lower-case ASCII bytes */
    AsciiSearch(byte[] needle) {
        this.needle = needle.clone();
        int m = needle.length;
        java.util.Arrays.fill(shift, Math.max(1, m));
        for (int k = 0; k < m - 1; k++) {
            byte c = needle[k];
            shift[c & 0xff] = m - 1 - k;
            if (c >= 'a' && c <= 'z') {
                shift[(c - ('a' - 'A')) & 0xff] = m - 1 - k;
            }
        }
    }

    boolean foundIn(byte[] haystack) {
        int m = needle.length;
        if (m == 0) {
            return true;
        }
        if (m == 1) { // what a search box holds after the first key: no shift table to gain from
            return foundByte(haystack, needle[0]);
        }
        int last = m - 1;
        byte end = needle[last];
        for (int i = 0, stop = haystack.length - m; i <= stop; i += shift[haystack[i + last] & 0xff]) {
            if (lower(haystack[i + last]) != end) {
                continue;
            }
            int k = last - 1;
            while (k >= 0 && lower(haystack[i + k]) == needle[k]) {
                k--;
            }
            if (k < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean foundByte(byte[] haystack, byte lower) {
        byte upper = lower >= 'a' && lower <= 'z' ? (byte) (lower - ('a' - 'A')) : lower;
        for (byte b : haystack) {
            if (b == lower || b == upper) {
                return true;
            }
        }
        return false;
    }

    // Bytes of multi-byte UTF-8 sequences are negative and never equal an ASCII needle byte.
    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}
