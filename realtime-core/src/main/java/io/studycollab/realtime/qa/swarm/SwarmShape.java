package io.studycollab.realtime.qa.swarm;

/**
 * How a swarm is laid out beyond its behaviour.
 *
 * @param groupSize         users per group ({@code <group>-1}, {@code <group>-2}, …); 0 puts everyone in {@code <group>}
 * @param connectsPerSecond how fast users are connected at the start (a ramp the server's accept queue can take); 0: all at once
 * @param webSocketThreads  event-loop threads shared by every user's websocket; 0 uses OkHttp's own websockets
 *                          instead (two threads per user: only to compare against)
 */
public record SwarmShape(int groupSize, int connectsPerSecond, int webSocketThreads) {

    public SwarmShape {
        if (groupSize < 0 || connectsPerSecond < 0 || webSocketThreads < 0) {
            throw new IllegalArgumentException("group size and connects per second must be >= 0, threads >= 0");
        }
    }

    /** Everyone in one group, 500 connects a second, one websocket thread. */
    public static SwarmShape defaults() {
        return new SwarmShape(0, 500, 1);
    }

    public SwarmShape withGroupSize(int n) {
        return new SwarmShape(n, connectsPerSecond, webSocketThreads);
    }

    /** The group user {@code index} (0-based) joins. */
    String groupOf(String group, int index) {
        return groupSize == 0 ? group : group + "-" + (index / groupSize + 1);
    }

    /** How many of {@code users} share user {@code index}'s group. */
    int membersWith(int index, int users) {
        if (groupSize == 0) {
            return users;
        }
        int first = index / groupSize * groupSize;
        return Math.min(groupSize, users - first);
    }
}
