package io.studycollab.realtime.qa.netsim;

import java.time.Duration;

/**
 * What the fault proxy does to traffic: pass it, cut it, cut it now and then, delay it, throttle
 * it, or hold it without closing anything.
 */
public sealed interface NetworkProfile {

    /** A short description for logs and the UI. */
    String describe();

    /** Traffic passes untouched. */
    record Normal() implements NetworkProfile {
        @Override
        public String describe() {
            return "normal";
        }
    }

    /** Every connection is cut now, and new ones are refused while this lasts. */
    record Offline() implements NetworkProfile {
        @Override
        public String describe() {
            return "offline";
        }
    }

    /** Every connection is cut every {@code every}; reconnecting works in between. */
    record Flaky(Duration every) implements NetworkProfile {
        @Override
        public String describe() {
            return "flaky (cut every " + every.toMillis() + " ms)";
        }
    }

    /** Each chunk is delivered {@code mean ± jitter} late, in order. */
    record Latency(Duration mean, Duration jitter) implements NetworkProfile {
        @Override
        public String describe() {
            return "latency " + mean.toMillis() + " ± " + jitter.toMillis() + " ms";
        }
    }

    /** At most {@code bytesPerSecond} in each direction of each connection. */
    record Bandwidth(long bytesPerSecond) implements NetworkProfile {
        @Override
        public String describe() {
            return "bandwidth " + bytesPerSecond + " B/s";
        }
    }

    /** Nothing is forwarded, nothing is closed; what was held flows again when the profile changes. */
    record Stall() implements NetworkProfile {
        @Override
        public String describe() {
            return "stall";
        }
    }
}
