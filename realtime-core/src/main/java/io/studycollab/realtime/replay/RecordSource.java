package io.studycollab.realtime.replay;

import io.studycollab.realtime.events.EventRecord;
import java.util.List;

/** Where a timeline's records live: in memory, or in the file, read back by byte offset. */
interface RecordSource extends AutoCloseable {
    List<EventRecord> range(int from, int to);

    @Override
    void close();
}
