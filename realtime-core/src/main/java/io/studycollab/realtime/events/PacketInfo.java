package io.studycollab.realtime.events;

import java.util.Objects;

/**
 * Where on the wire a record was seen, beyond its direction: which connection (one lane per
 * connection when the intercepting proxy sees several), which Socket.IO namespace, which ack id,
 * and how many arguments the event carried.
 *
 * <p>Direction keeps one meaning everywhere: {@code OUT} is client to server ("up" through the
 * proxy) and {@code IN} server to client ("down").
 *
 * @param connection the connection's id; null for our own client's single connection
 * @param namespace  the Socket.IO namespace, {@code "/"} by default
 * @param ackId      the Socket.IO ack id of the packet, or -1 when it has none
 * @param argCount   how many arguments the event had: with exactly one, the record's payload is
 *                   that argument; with none or several, the payload is a JSON array of all of
 *                   them in order
 */
public record PacketInfo(String connection, String namespace, long ackId, int argCount) {

    /** Our own client, default namespace, no ack, one argument: what most records are. */
    public static final PacketInfo DEFAULT = new PacketInfo(null, "/", -1, 1);

    public PacketInfo {
        Objects.requireNonNull(namespace, "namespace");
        if (argCount < 0) {
            throw new IllegalArgumentException("argCount " + argCount);
        }
    }

    /** True when the payload is the array of all arguments rather than the one argument itself. */
    public boolean argumentsAsArray() {
        return argCount != 1;
    }

    public PacketInfo withConnection(String conn) {
        return new PacketInfo(conn, namespace, ackId, argCount);
    }

    public PacketInfo withAckId(long id) {
        return new PacketInfo(connection, namespace, id, argCount);
    }
}
