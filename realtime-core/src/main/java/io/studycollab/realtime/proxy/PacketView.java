package io.studycollab.realtime.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.realtime.events.EventRecord;

/**
 * What rules and breakpoints look at: a decoded packet with the connection and direction it
 * travels. {@code record} is the record published for it (payload already redacted).
 */
public record PacketView(ProxyConnection connection, Flow flow, EventRecord record, WireMessage message) {

    public String name() {
        return record.name();
    }

    public String userId() {
        return connection.userId();
    }

    public JsonNode payload() {
        return record.payload();
    }
}
