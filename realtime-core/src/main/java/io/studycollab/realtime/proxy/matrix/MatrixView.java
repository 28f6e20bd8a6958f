package io.studycollab.realtime.proxy.matrix;

import java.util.List;
import java.util.Map;

/**
 * What each member saw, as of one moment: a row per fanned-out source event, a column per
 * connection, per-member summaries and each member's folded view of the group with its divergences.
 */
public record MatrixView(List<String> columns, List<Row> rows, List<MemberSummary> members, List<Belief> beliefs) {

    public enum Status {
        /** Reached the connection, in order. */
        DELIVERED,
        /** Reached it after a later event of the same sender had. */
        OUT_OF_ORDER,
        /** Not (yet) seen, still within the grace period. */
        PENDING,
        /** Not seen within the grace period (or dropped on the way). */
        MISSED
    }

    /** One connection's copy of a source event: its status and fan-out latency (up packet to down copy). */
    public record Cell(Status status, double latencyMillis) {}

    public record Row(
            long seq,
            String sourceConnection,
            String sender,
            String event,
            String groupId,
            long wallMillis,
            Map<String, Cell> cells) {

        public Cell cell(String connection) {
            return cells.get(connection);
        }
    }

    public record MemberSummary(
            String connection,
            String userId,
            int delivered,
            int outOfOrder,
            int missed,
            double p50Millis,
            double p99Millis) {}

    /** A member's view differs from who is really in the group: someone MISSING from it, or a GHOST in it. */
    public record Divergence(String kind, String userId, long sinceMillis) {}

    public record Belief(
            String connection, String userId, String groupId, List<String> sees, List<Divergence> divergences) {}

    public MemberSummary member(String connection) {
        return members.stream()
                .filter(m -> m.connection().equals(connection))
                .findFirst()
                .orElse(null);
    }

    public Belief belief(String connection) {
        return beliefs.stream()
                .filter(b -> b.connection().equals(connection))
                .findFirst()
                .orElse(null);
    }
}
