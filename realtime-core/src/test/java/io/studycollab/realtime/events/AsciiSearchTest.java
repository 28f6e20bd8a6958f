package io.studycollab.realtime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiSearchTest {

    private static boolean found(String needle, String haystack) {
        return new AsciiSearch(needle.getBytes(StandardCharsets.US_ASCII))
                .foundIn(haystack.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsTextIgnoringAsciiCaseAnywhere() {
        assertTrue(found("\"x\":7.5", "{\"cursor\":{\"X\":7.5,\"y\":1}}"));
        assertTrue(found("abc", "ABC"));
        assertTrue(found("abc", "xxABc"));
        assertTrue(found("aab", "aaab")); // a shift past a partial match must not skip the match
        assertTrue(found("", "anything"));
        assertFalse(found("abcd", "abc"));
        assertFalse(found("abc", "ab\u00c3c")); // a multi-byte character is never an ASCII letter
        assertFalse(found("[", "{")); // '[' and '{' differ by the case bit but are not letters
    }

    @Test
    void agreesWithLowerCasingAndContainsOnRandomText() {
        Random rnd = new Random(19);
        String alphabet = "aAbBcC\"{}:.,7xX[é"; // é last: needles take ASCII only
        for (int round = 0; round < 20_000; round++) {
            StringBuilder h = new StringBuilder();
            for (int i = rnd.nextInt(40); i > 0; i--) {
                h.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            StringBuilder n = new StringBuilder();
            for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
                char c = alphabet.charAt(rnd.nextInt(alphabet.length() - 1)); // ASCII only
                n.append(Character.toLowerCase(c));
            }
            String haystack = h.toString();
            String needle = n.toString();
            assertEquals(
                    haystack.toLowerCase(Locale.ROOT).contains(needle),
                    found(needle, haystack),
                    "\"" + needle + "\" in \"" + haystack + "\"");
        }
    }
}
