package io.studycollab.realtime.events;

/** Finds lower-case ASCII text in UTF-8 bytes, ignoring ASCII case, without decoding them to a String. */
final class AsciiSearch {

    private AsciiSearch() {}

    /** @param needle lower-case ASCII bytes */
    static boolean containsIgnoreCase(byte[] haystack, byte[] needle) {
        int n = needle.length;
        if (n == 0) {
            return true;
        }
        byte first = needle[0];
        outer:
        for (int i = 0, last = haystack.length - n; i <= last; i++) {
            if (lower(haystack[i]) != first) {
                continue;
            }
            for (int k = 1; k < n; k++) {
                if (lower(haystack[i + k]) != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // Bytes of multi-byte UTF-8 sequences are negative and never equal an ASCII needle byte.
    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}
