package io.studycollab.debugger.qa;

import io.studycollab.realtime.qa.netsim.NetworkProfile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The networks the QA tab offers, by the label shown for each, in menu order. */
final class NetworkChoices {

    static final Map<String, NetworkProfile> BY_LABEL = new LinkedHashMap<>();

    static {
        BY_LABEL.put("Normal", new NetworkProfile.Normal());
        BY_LABEL.put("Offline (cut now)", new NetworkProfile.Offline());
        BY_LABEL.put("Flaky (cut every 5 s)", new NetworkProfile.Flaky(Duration.ofSeconds(5)));
        BY_LABEL.put(
                "High latency (300 ± 100 ms)",
                new NetworkProfile.Latency(Duration.ofMillis(300), Duration.ofMillis(100)));
        BY_LABEL.put("Slow (16 KB/s)", new NetworkProfile.Bandwidth(16 * 1024));
        BY_LABEL.put("Stall (hold, keep open)", new NetworkProfile.Stall());
    }

    private NetworkChoices() {}
}
