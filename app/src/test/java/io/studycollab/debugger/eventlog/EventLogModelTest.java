package io.studycollab.debugger.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventFilter;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.events.PacketInfo;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log's model: a bounded list, filtered, paused without losing anything. */
class EventLogModelTest {

    private static EventRecord record(long seq, String name) {
        return EventRecord.of(Direction.IN, name, ProtocolCodec.object(), 2, null, seq, seq, null)
                .withSeq(seq);
    }

    private static List<EventRecord> records(int from, int to, String name) {
        List<EventRecord> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(record(i, name));
        }
        return out;
    }

    private static List<Long> seqs(List<EventRecord> rs) {
        return rs.stream().map(EventRecord::seq).toList();
    }

    @Test
    void keepsTheNewestUpToTheLimit() {
        EventLogModel log = new EventLogModel(5);
        log.onBatch(records(0, 3, "a"));
        log.onBatch(records(3, 8, "a"));
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), seqs(log.all()));
        log.limitProperty().set(2);
        assertEquals(List.of(6L, 7L), seqs(log.all()), "lowering the limit drops the oldest");
    }

    @Test
    void aProxiedConnectionNarrowsTheFilterAndClearingItShowsAll() {
        EventLogModel log = new EventLogModel(100);
        EventRecord c1 = record(1, "user:cursor:updated").withPacket(PacketInfo.DEFAULT.withConnection("c1"));
        EventRecord c2 = record(2, "user:cursor:updated").withPacket(PacketInfo.DEFAULT.withConnection("c2"));
        log.onBatch(List.of(c1, c2, record(3, "user:left")));
        log.connectionProperty().set("c2");
        assertEquals(List.of(2L), seqs(log.visible()));
        log.filterProperty().set(EventFilter.all().withNameGlob("user:left"));
        assertEquals(List.of(), seqs(log.visible()), "both apply");
        log.connectionProperty().set("");
        assertEquals(List.of(3L), seqs(log.visible()));
    }

    @Test
    void theFilterDecidesWhatIsVisibleAndClearingItShowsAll() {
        EventLogModel log = new EventLogModel(100);
        log.onBatch(List.of(record(1, "user:cursor:updated"), record(2, "group:joined"), record(3, "user:left")));
        log.filterProperty().set(EventFilter.all().withNameGlob("user:*"));
        assertEquals(List.of(1L, 3L), seqs(log.visible()));
        log.onBatch(List.of(record(4, "user:joined"), record(5, "group:presence")));
        assertEquals(List.of(1L, 3L, 4L), seqs(log.visible()), "new events are filtered as they come");
        log.filterProperty().set(EventFilter.all());
        assertEquals(5, log.visible().size());
    }

    @Test
    void pausingHoldsEventsBackAndResumingShowsThemAllInOrder() {
        EventLogModel log = new EventLogModel(100);
        log.onBatch(records(0, 2, "a"));
        log.pausedProperty().set(true);
        log.onBatch(records(2, 5, "a"));
        log.onBatch(records(5, 6, "a"));
        assertEquals(List.of(0L, 1L), seqs(log.visible()), "the view does not move while paused");
        assertEquals(4, log.pendingProperty().get());
        log.pausedProperty().set(false);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), seqs(log.visible()));
        assertEquals(0, log.pendingProperty().get());
    }

    @Test
    void replacingKeepsTheNewestWithinTheLimitAndDropsWhatWasHeldBack() {
        EventLogModel log = new EventLogModel(3);
        log.pausedProperty().set(true);
        log.onBatch(records(0, 2, "held"));
        log.replaceAll(records(10, 15, "file"));
        assertEquals(List.of(12L, 13L, 14L), seqs(log.all()));
        assertEquals(0, log.pendingProperty().get());
        log.clear();
        assertEquals(0, log.all().size());
    }
}
