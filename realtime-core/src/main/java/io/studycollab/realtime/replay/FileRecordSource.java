package io.studycollab.realtime.replay;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.session.SessionCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Reads consecutive valid records starting at an indexed offset (invalid lines were not indexed). */
final class FileRecordSource implements RecordSource {
    private final FileChannel channel;
    private final RecordIndex index;

    FileRecordSource(Path file, RecordIndex index) {
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.index = index;
    }

    @Override
    public synchronized List<EventRecord> range(int from, int to) {
        List<EventRecord> out = new ArrayList<>(Math.max(0, to - from));
        if (from >= to) {
            return out;
        }
        try {
            long start = index.offset(from);
            channel.position(start);
            LineScanner lines = new LineScanner(Channels.newInputStream(channel), start);
            int i = from;
            while (i < to && lines.nextLine()) {
                if (lines.lineStart() != index.offset(i)) {
                    continue; // a line the index skipped
                }
                out.add(SessionCodec.fromLine(lines.bytes(), 0, lines.length()));
                i++;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the session file again", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a read-only channel
        }
    }
}
