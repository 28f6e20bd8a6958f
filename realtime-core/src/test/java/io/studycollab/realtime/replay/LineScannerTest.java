package io.studycollab.realtime.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineScannerTest {

    @Test
    void givesEachLineWithItsStartWhateverItsLengthAndTerminator() throws Exception {
        String longLine = "é".repeat(100_000); // longer than the read buffer, and multi-byte
        String text = "first\r\n\n" + longLine + "\nlast without newline";
        LineScanner lines = new LineScanner(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 7);
        assertEquals("first", lines.next());
        assertEquals(7, lines.lineStart());
        assertEquals("", lines.next());
        assertEquals(14, lines.lineStart());
        assertEquals(longLine, lines.next());
        assertEquals(15, lines.lineStart());
        assertEquals("last without newline", lines.next());
        assertEquals(15 + 200_001, lines.lineStart());
        assertNull(lines.next());
    }

    @Test
    void keepsTheBytesOfTheLineAsTheyAre() throws Exception {
        byte[] text = "{\"a\":\"ü\"}\n{\"b\":2}".getBytes(StandardCharsets.UTF_8);
        LineScanner lines = new LineScanner(new ByteArrayInputStream(text), 0);
        lines.nextLine();
        assertEquals("{\"a\":\"ü\"}", new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8));
        lines.nextLine();
        assertEquals("{\"b\":2}", new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8));
        assertEquals(11, lines.lineStart());
        assertFalse(lines.nextLine());
    }
}
