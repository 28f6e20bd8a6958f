package io.studycollab.realtime.proxy.matrix;

import io.studycollab.realtime.proxy.matrix.MatrixView.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix's state turned into a {@link MatrixView} as of one moment: a copy still pending past
 * the grace period (or on a closed connection) and not held by the proxy counts as missed, and each
 * member's delivered, out-of-order and missed counts and p50/p99 fan-out latency are summed up.
 */
final class MatrixSnapshot {

    private MatrixSnapshot() {}

    static MatrixView of(
            Collection<DeliveryMatrix.Source> rows,
            Map<String, ConnState> conns,
            Beliefs beliefs,
            long now,
            long missAfterMillis) {
        List<String> columns = new ArrayList<>(conns.keySet());
        List<MatrixView.Row> out = new ArrayList<>(rows.size());
        Map<String, List<Double>> latencies = new HashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        for (DeliveryMatrix.Source s : rows) {
            Map<String, MatrixView.Cell> cells = new LinkedHashMap<>();
            for (Map.Entry<String, DeliveryMatrix.Delivery> e : s.cells.entrySet()) {
                DeliveryMatrix.Delivery d = e.getValue();
                Status st = d.status;
                ConnState c = conns.get(e.getKey());
                if (st == Status.PENDING
                        && !d.heldByProxy
                        && (now - s.record.wallMillis() > missAfterMillis || !c.open)) {
                    st = Status.MISSED;
                }
                cells.put(e.getKey(), new MatrixView.Cell(st, d.latencyMillis));
                int[] n = counts.computeIfAbsent(e.getKey(), k -> new int[3]);
                if (st == Status.DELIVERED || st == Status.OUT_OF_ORDER) {
                    n[st == Status.DELIVERED ? 0 : 1]++;
                    latencies
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(d.latencyMillis);
                } else if (st == Status.MISSED) {
                    n[2]++;
                }
            }
            out.add(new MatrixView.Row(
                    s.record.seq(), s.conn, s.key.sender(), s.record.name(), s.group, s.record.wallMillis(), cells));
        }
        List<MatrixView.MemberSummary> members = new ArrayList<>();
        for (ConnState c : conns.values()) {
            int[] n = counts.getOrDefault(c.id, new int[3]);
            List<Double> l = latencies.getOrDefault(c.id, List.of());
            members.add(new MatrixView.MemberSummary(
                    c.id, c.userId, n[0], n[1], n[2], percentile(l, 50), percentile(l, 99)));
        }
        return new MatrixView(columns, out, members, beliefs.view(conns.values()));
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
