package io.studycollab.debugger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.qa.swarm.SwarmDelivery;
import io.studycollab.realtime.qa.swarm.SwarmShape;
import io.studycollab.realtime.qa.swarm.SwarmStats;
import java.io.PrintWriter;

/** The swarm's closing figures on cursor delivery: as lines for people, as one JSON line for benchmarks. */
final class SwarmReport {

    private SwarmReport() {}

    static void delivery(PrintWriter out, SwarmDelivery d) {
        out.printf("%-22s %,d%n", "cursor moves sent", d.cursorsSent());
        out.printf(
                "%-22s %,d of %,d (%.1f %%), %,d unmatched%n",
                "cursor deliveries", d.delivered(), d.expected(), d.ratio() * 100, d.unmatched());
        out.printf(
                "%-22s p50 %s · p95 %s · p99 %s · max %s%n",
                "cursor delivery", ms(d.p50Ms()), ms(d.p95Ms()), ms(d.p99Ms()), ms(d.maxMs()));
        // What the swarm itself could not keep up with: when these are not zero, the figures above
        // include our lag, not only the server's.
        out.printf(
                "%-22s send p99 %s · hub dropped %,d · ticks late %,d (max %.0f ms)%n",
                "swarm's own lag", ms(d.sendLagP99Ms()), d.hubDropped(), d.lateTicks(), d.maxTickLateMs());
    }

    static String json(SwarmStats s, SwarmDelivery d, SwarmShape shape, double cursorRate) {
        ObjectNode o = ProtocolCodec.object()
                .put("users", s.users())
                .put("groupSize", shape.groupSize())
                .put("cursorRate", cursorRate)
                .put("connected", s.connected())
                .put("failedToConnect", s.failedToConnect())
                .put("sent", s.sent())
                .put("received", s.received())
                .put("ackRttP99Ms", s.rttP99())
                .put("cursorsSent", d.cursorsSent())
                .put("expected", d.expected())
                .put("delivered", d.delivered())
                .put("unmatched", d.unmatched())
                .put("delivery", d.ratio())
                .put("p50Ms", d.p50Ms())
                .put("p95Ms", d.p95Ms())
                .put("p99Ms", d.p99Ms())
                .put("maxMs", d.maxMs())
                .put("sendLagP99Ms", d.sendLagP99Ms())
                .put("hubDropped", d.hubDropped())
                .put("lateTicks", d.lateTicks())
                .put("maxTickLateMs", d.maxTickLateMs());
        ObjectNode errors = o.putObject("errors");
        s.errors().forEach(errors::put);
        return o.toString();
    }

    private static String ms(double v) {
        return v < 0 ? "–" : String.format("%.0f ms", v);
    }
}
