package io.studycollab.realtime.client;

/** Engine.IO transports. */
public enum Transport {
    WEBSOCKET("websocket"),
    POLLING("polling");

    private final String wire;

    Transport(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Transport parse(String s) {
        for (Transport t : values()) {
            if (t.wire.equalsIgnoreCase(s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport " + s + " (websocket or polling)");
    }
}
