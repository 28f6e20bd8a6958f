package io.studycollab.realtime.qa.swarm;

import java.util.Map;

/**
 * Figures for a swarm at one moment.
 *
 * @param failedToConnect users whose first connection was refused or never came
 * @param errors          connection:error and refusal codes seen, with counts
 * @param rttP50          acknowledged round trips in ms (-1 before any)
 */
public record SwarmStats(
        int users,
        int connected,
        int failedToConnect,
        long sent,
        long received,
        Map<String, Long> errors,
        double rttP50,
        double rttP95,
        double rttP99) {}
