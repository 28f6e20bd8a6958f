package io.studycollab.realtime.client;

/** A one-word summary of heartbeat round trips. */
public enum ConnectionQuality {
    EXCELLENT,
    GOOD,
    POOR,
    OFFLINE;

    /** Thresholds: excellent below 100 ms and 30 ms jitter; poor above 500 ms, 150 ms jitter, or any recent missed ack. */
    public static ConnectionQuality classify(boolean online, double rttMillis, double jitterMillis, int recentMisses) {
        if (!online) {
            return OFFLINE;
        }
        if (recentMisses > 0 || rttMillis > 500 || jitterMillis > 150) {
            return POOR;
        }
        if (rttMillis < 0) {
            return GOOD; // connected, nothing measured yet
        }
        return rttMillis < 100 && jitterMillis < 30 ? EXCELLENT : GOOD;
    }
}
