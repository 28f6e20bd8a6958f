package io.studycollab.realtime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinaryPreviewTest {

    @Test
    void showsSizeAndLeadingBytesInHex() {
        assertEquals("binary, 5 bytes: 00 01 02 fe ff", BinaryPreview.of(new byte[] {0, 1, 2, -2, -1}, 32));
        assertEquals("binary, 1 byte: 7f", BinaryPreview.of(new byte[] {0x7f}, 32));
        assertEquals("binary, 0 bytes", BinaryPreview.of(new byte[0], 32));
        assertEquals("binary, 4 bytes: 0a 0b … (2 more)", BinaryPreview.of(new byte[] {10, 11, 12, 13}, 2));
    }
}
