package io.studycollab.realtime.protocol;

import java.util.Locale;

/** The families of events, as the event log groups and filters them. */
public enum EventCategory {
    CONNECTION,
    PRESENCE,
    GROUP,
    SYSTEM,
    CUSTOM,
    /**
     * An event the StudyCollab contract does not name (a plain Socket.IO app's own events, say):
     * recorded and shown as "not in the contract", never as malformed.
     */
    OTHER;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The name in session files and filters. */
    public String label() {
        return label;
    }

    /** What the window shows. */
    @Override
    public String toString() {
        return this == OTHER ? "not in the contract" : label;
    }
}
