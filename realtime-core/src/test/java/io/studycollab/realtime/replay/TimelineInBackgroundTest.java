package io.studycollab.realtime.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionCodec;
import io.studycollab.realtime.session.SessionExport;
import io.studycollab.realtime.session.SessionHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineInBackgroundTest {

    private static List<EventRecord> numbered(int copies) {
        List<EventRecord> source = SessionTimelineTest.session();
        List<EventRecord> rs = new ArrayList<>();
        long shift = 0;
        for (int c = 0; c < copies; c++) {
            for (EventRecord r : source) {
                rs.add(new EventRecord(
                        rs.size() + 1,
                        r.wallMillis() + shift,
                        r.monoNanos(),
                        r.direction(),
                        r.name(),
                        r.category(),
                        r.groupId(),
                        r.userId(),
                        r.payload(),
                        r.sizeBytes(),
                        r.problem(),
                        r.packet()));
            }
            shift = rs.get(rs.size() - 1).wallMillis();
        }
        return rs;
    }

    private static Path write(Path dir, List<EventRecord> rs) throws Exception {
        Path file = dir.resolve("s.jsonl");
        SessionExport.session(file, SessionHeader.of("t", "u", null, "g", "now"), rs, new Redactor());
        return file;
    }

    private static List<String> lines(List<EventRecord> rs) {
        Redactor none = new Redactor();
        return rs.stream().map(r -> SessionCodec.toLine(r, none)).toList();
    }

    @Test
    void showsTheStartAtOnceAndEndsAsTheFullyIndexedTimeline(@TempDir Path dir) throws Exception {
        List<EventRecord> rs = numbered(3);
        Path file = write(dir, rs);
        SessionTimeline memory = new SessionTimeline(rs);
        try (SessionTimeline t = SessionTimeline.openInBackground(file)) {
            // the first frame: at least the first chunk, readable and folded while the rest indexes
            assertTrue(t.size() >= SessionTimeline.FIRST_FRAME_RECORDS);
            assertEquals(lines(rs.subList(0, 50)), lines(t.records(0, 50)));
            assertEquals(memory.presenceAfter(40), t.presenceAfter(40));
            t.awaitIndexed();
            assertFalse(t.indexing());
            assertEquals(rs.size(), t.size());
            assertEquals(memory.endMillis(), t.endMillis());
            assertEquals(memory.markers(), t.markers());
            for (int count : new int[] {0, 999, 4096, 7777, 12_000, rs.size()}) {
                assertEquals(memory.presenceAfter(count), t.presenceAfter(count), "after " + count);
            }
            assertEquals(lines(rs.subList(rs.size() - 30, rs.size())), lines(t.records(rs.size() - 30, rs.size() + 5)));
        }
    }

    @Test
    void closingWhileIndexingStopsItsThread(@TempDir Path dir) throws Exception {
        Path file = write(dir, numbered(4));
        SessionTimeline t = SessionTimeline.openInBackground(file);
        t.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(th -> th.getName().equals("session-index s.jsonl") && th.isAlive()));
        assertTrue(t.size() <= 4 * SessionTimelineTest.session().size());
    }

    @Test
    void aHugeFileKeepsAFewThousandCheckpointsAndSeeksFromTheNearest() {
        // 10,000 records of 100 bytes in a file the fold is told is 1.2 MB: a checkpoint every 3,000
        TimelineFold fold = new TimelineFold(300_000);
        List<EventRecord> rs = SessionTimelineTest.session().subList(0, 4_000);
        for (int i = 0; i < 10_000; i++) {
            fold.add(i, 100L * i, rs.get(i % rs.size()));
        }
        assertEquals(4, fold.checkpointCount());
        assertEquals(0, fold.checkpointBefore(0).index());
        assertEquals(0, fold.checkpointBefore(2_999).index());
        assertEquals(3_000, fold.checkpointBefore(3_000).index());
        assertEquals(9_000, fold.checkpointBefore(10_000).index());
        TimelineFold small = new TimelineFold(0); // records in memory: every 1,000 records
        for (int i = 0; i < 2_500; i++) {
            small.add(i, i, rs.get(i));
        }
        assertEquals(3, small.checkpointCount());
    }
}
