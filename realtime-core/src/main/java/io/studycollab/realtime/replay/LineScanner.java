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
    private int lineLength;
    private long lineStart;

    LineScanner(InputStream in, long startOffset) {
        this.in = in;
        this.offset = startOffset;
    }

    /** The next line without its terminator, or null at the end. */
    String next() throws IOException {
        return nextLine() ? new String(line, 0, lineLength, StandardCharsets.UTF_8) : null;
    }

    /**
     * Moves to the next line and keeps its UTF-8 bytes (without the terminator) in {@link #bytes()},
     * {@link #length()} long: the indexer parses them as they are. False at the end.
     */
    boolean nextLine() throws IOException {
        int len = 0;
        lineStart = offset;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    lineLength = len;
                    return len > 0;
                }
            }
            // Copy up to the next newline in one go rather than a byte at a time.
            int start = pos;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int n = end - start;
            if (len + n > line.length) {
                byte[] bigger = new byte[Math.max(line.length * 2, len + n)];
                System.arraycopy(line, 0, bigger, 0, len);
                line = bigger;
            }
            System.arraycopy(buffer, start, line, len, n);
            len += n;
            offset += n;
            pos = end;
            if (end < limit) { // the newline
                pos++;
                offset++;
                lineLength = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
                return true;
            }
        }
    }

    /** The bytes of the line {@link #nextLine()} moved to (valid up to {@link #length()}, until the next call). */
    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLength;
    }

    /** Byte offset where the line last returned by {@link #next()} began. */
    long lineStart() {
        return lineStart;
    }
}
