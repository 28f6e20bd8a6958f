package io.studycollab.realtime.events;

/** Where an event came from: the server (IN), us (OUT), or the client library itself (LOCAL). */
public enum Direction {
    IN("in"),
    OUT("out"),
    LOCAL("local");

    private final String wire;

    Direction(String wire) {
        this.wire = wire;
    }

    /** The name used in session files. */
    public String wire() {
        return wire;
    }

    public static Direction fromWire(String value) {
        for (Direction d : values()) {
            if (d.wire.equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction " + value);
    }
}
