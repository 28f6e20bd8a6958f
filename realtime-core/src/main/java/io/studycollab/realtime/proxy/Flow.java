package io.studycollab.realtime.proxy;

import io.studycollab.realtime.events.Direction;

/** Which way a packet travels through the proxy: up (client to server) or down (server to client). */
public enum Flow {
    UP(Direction.OUT, "up"),
    DOWN(Direction.IN, "down");

    private final Direction direction;
    private final String label;

    Flow(Direction direction, String label) {
        this.direction = direction;
        this.label = label;
    }

    /** The record direction: up is {@code OUT} (the client sends), down is {@code IN}. */
    public Direction direction() {
        return direction;
    }

    public String label() {
        return label;
    }

    public Flow opposite() {
        return this == UP ? DOWN : UP;
    }

    public static Flow parse(String s) {
        for (Flow f : values()) {
            if (f.label.equalsIgnoreCase(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("direction must be up or down, not " + s);
    }
}
