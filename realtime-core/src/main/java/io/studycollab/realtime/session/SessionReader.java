package io.studycollab.realtime.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams a session file record by record, so files far larger than the heap can be read. A line
 * that cannot be read is skipped and reported with its number; the rest still opens.
 */
public final class SessionReader implements AutoCloseable, Iterable<EventRecord> {

    /** A line that could not be read, and why. */
    public record Problem(long line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    private final BufferedReader in;
    private final SessionHeader header;
    private final List<Problem> problems = new ArrayList<>();
    private long lineNo = 1;
    private boolean iterated;

    private SessionReader(BufferedReader in, SessionHeader header) {
        this.in = in;
        this.header = header;
    }

    /** Opens {@code path}; throws {@link SessionFormatException} (naming line 1) when it is no session file. */
    public static SessionReader open(Path path) throws IOException {
        BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        try {
            String first = in.readLine();
            if (first == null) {
                throw new SessionFormatException(1, "the file is empty; expected a studycollab-session header");
            }
            JsonNode node;
            try {
                node = ProtocolCodec.parse(first);
            } catch (JsonProcessingException e) {
                throw new SessionFormatException(1, "the header is not JSON: " + e.getOriginalMessage());
            }
            if (!node.isObject()
                    || !SessionHeader.FORMAT.equals(node.path("format").asText())) {
                throw new SessionFormatException(
                        1, "not a session file: the header's format is not \"" + SessionHeader.FORMAT + "\"");
            }
            SessionHeader header = ProtocolCodec.fromTree(node, SessionHeader.class);
            SessionReader reader = new SessionReader(in, header);
            if (header.version() > SessionHeader.VERSION) {
                reader.problems.add(new Problem(
                        1,
                        "session format version " + header.version() + " is newer than this app reads ("
                                + SessionHeader.VERSION + "); reading what it can"));
            } else if (header.version() < 1) {
                reader.problems.add(new Problem(1, "session format version " + header.version() + " is not valid"));
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public SessionHeader header() {
        return header;
    }

    /** Lines skipped so far (grows while iterating). */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Reads every remaining record into a list (for small files and tests). */
    public List<EventRecord> readAll() {
        List<EventRecord> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    @Override
    public Iterator<EventRecord> iterator() {
        if (iterated) {
            throw new IllegalStateException("a session reader is read once");
        }
        iterated = true;
        return new Iterator<>() {
            private EventRecord next = advance();

            private EventRecord advance() {
                try {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lineNo++;
                        if (line.isBlank()) {
                            continue;
                        }
                        try {
                            return SessionCodec.fromLine(line);
                        } catch (IllegalArgumentException e) {
                            problems.add(new Problem(lineNo, e.getMessage()));
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException("reading line " + (lineNo + 1), e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public EventRecord next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                EventRecord r = next;
                next = advance();
                return r;
            }
        };
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
