package io.studycollab.realtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event argument already parsed by Jackson straight from the socket.io packet text, with the
 * UTF-8 size it had on the wire. Travels through socket.io-client-java in place of an org.json value.
 */
public record WirePayload(JsonNode tree, int sizeBytes) {}
