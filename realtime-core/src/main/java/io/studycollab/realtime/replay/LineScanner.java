package io.studycollab.realtime.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads UTF-8 lines from a stream and says at which byte each began, so a file can be indexed and re-read by offset. */
final class LineScanner {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private long offset;
    private byte[] line = new byte[256];
    private long lineStart;

    LineScanner(InputStream in, long startOffset) {
        this.in = in;
        this.offset = startOffset;
    }

    /** The next line without its terminator, or null at the end. */
    String next() throws IOException {
        int len = 0;
        lineStart = offset;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return len == 0 ? null : decode(len);
                }
            }
            byte b = buffer[pos++];
            offset++;
            if (b == '\n') {
                return decode(len > 0 && line[len - 1] == '\r' ? len - 1 : len);
            }
            if (len == line.length) {
                byte[] bigger = new byte[line.length * 2];
                System.arraycopy(line, 0, bigger, 0, len);
                line = bigger;
            }
            line[len++] = b;
        }
    }

    /** Byte offset where the line last returned by {@link #next()} began. */
    long lineStart() {
        return lineStart;
    }

    private String decode(int len) {
        return new String(line, 0, len, StandardCharsets.UTF_8);
    }
}
