package io.studycollab.realtime.protocol;

/** The families of events, as the event log groups and filters them. */
public enum EventCategory {
    CONNECTION,
    PRESENCE,
    GROUP,
    SYSTEM,
    CUSTOM;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    public String label() {
        return label;
    }
}
