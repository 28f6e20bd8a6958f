package io.studycollab.realtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How the client's parts write what happens as {@link EventRecord}s: stamped on the client's clock
 * with the user the server named, handed to a sink that never blocks (the hub's queue).
 */
final class ClientRecords {

    private final Consumer<EventRecord> sink;
    private final Clock clock;
    private final Supplier<String> userId;

    ClientRecords(Consumer<EventRecord> sink, Clock clock, Supplier<String> userId) {
        this.sink = sink;
        this.clock = clock;
        this.userId = userId;
    }

    void publish(EventRecord record) {
        sink.accept(record);
    }

    void publish(Direction direction, String name, JsonNode payload, int size, String problem) {
        sink.accept(EventRecord.of(
                direction, name, payload, size, problem, clock.wallMillis(), clock.monoNanos(), userId.get()));
    }

    /** Something the client says about itself ({@code client:*}, {@code connection:lost}). */
    void local(String name, JsonNode payload) {
        publish(Direction.LOCAL, name, payload, ProtocolCodec.sizeOf(payload), null);
    }

    Clock clock() {
        return clock;
    }

    String userId() {
        return userId.get();
    }
}
