package io.studycollab.realtime.proxy.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.NodeMembers;
import io.studycollab.realtime.proxy.ProxyConfig;
import io.studycollab.realtime.proxy.ProxyServer;
import io.studycollab.realtime.proxy.matrix.MatrixView.Status;
import io.studycollab.realtime.proxy.rules.Rule;
import io.studycollab.realtime.proxy.rules.RuleSet;
import io.studycollab.realtime.testing.NodeProcess;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A drop rule makes one member (Carol) miss Ada's cursor moves and everything about Dave (a payload match); the matrix,
 * folded from the proxy's records, flags her cells and her view of the group, and measures the
 * fan-out latency of the members who did get them. Official server and clients from src/interop.
 */
class DeliveryMatrixProxyTest {

    @Test
    void aMemberMadeToMissEventsIsFlaggedAndFanOutLatencyMeasured() throws Exception {
        List<EventRecord> records = Collections.synchronizedList(new ArrayList<>());
        RuleSet rules = new RuleSet()
                .add(Rule.parseDrop("user:cursor:updated,dir=down,user=carol"))
                .add(Rule.parseDrop("user:*,dir=down,user=carol,payload=\"userId\":\"dave\""));
        try (NodeProcess server = NodeProcess.start(
                        "server.js", "--jwt-secret", TestTokens.SECRET, "--service-key", "svc-key-123456");
                SystemClock clock = new SystemClock("matrix-test-clock");
                ProxyServer proxy =
                        ProxyServer.start(ProxyConfig.of(0, URI.create(server.url())), clock, records::add, rules);
                NodeMembers m = new NodeMembers(proxy.url())) {
            var ada = m.join("ada", "Ada", "websocket", "mx");
            var bob = m.join("bob", "Bob", "websocket", "mx");
            var carol = m.join("carol", "Carol", "polling", "mx");
            for (int i = 0; i < 10; i++) {
                ada.emit("cursor:update", NodeMembers.json("{\"x\":" + i + ",\"y\":" + (i * 2) + "}"), true);
            }
            bob.await("ten cursors", l -> bob.events("user:cursor:updated").size() == 10);
            var dave = m.join("dave", "Dave", "websocket", "mx");
            bob.await(
                    "dave",
                    l -> l.path("event").asText().equals("user:joined")
                            && l.path("args")
                                    .get(0)
                                    .path("user")
                                    .path("userId")
                                    .asText()
                                    .equals("dave"));
            assertTrue(carol.events("user:cursor:updated").isEmpty());

            DeliveryMatrix matrix = new DeliveryMatrix(1000, 10_000);
            synchronized (records) {
                records.forEach(matrix::apply);
            }
            MatrixView v = matrix.view(clock.wallMillis() + 2000);
            String bobConn = connOf(v, "bob");
            String carolConn = connOf(v, "carol");
            List<MatrixView.Row> cursorRows = v.rows().stream()
                    .filter(r -> r.event().equals("cursor:update"))
                    .toList();
            assertEquals(10, cursorRows.size());
            for (MatrixView.Row r : cursorRows) {
                assertEquals("ada", r.sender());
                assertEquals(Status.DELIVERED, r.cell(bobConn).status());
                assertTrue(r.cell(bobConn).latencyMillis() > 0);
                assertEquals(Status.MISSED, r.cell(carolConn).status());
            }
            MatrixView.MemberSummary b = v.member(bobConn);
            MatrixView.MemberSummary c = v.member(carolConn);
            assertEquals(0, b.missed());
            assertTrue(b.delivered() >= 10);
            assertTrue(b.p50Millis() > 0 && b.p99Millis() >= b.p50Millis() && b.p99Millis() < 5000, b.toString());
            assertEquals(10, c.missed());
            System.out.printf(
                    "fan-out latency to bob: p50 %.2f ms, p99 %.2f ms; carol missed %d%n",
                    b.p50Millis(), b.p99Millis(), c.missed());
            // Carol's own view has no Dave: the divergence is named, with when it started
            MatrixView.Belief carolView = v.belief(carolConn);
            assertTrue(
                    carolView.divergences().stream()
                            .anyMatch(d ->
                                    d.kind().equals("MISSING") && d.userId().equals("dave") && d.sinceMillis() > 0),
                    carolView.toString());
            assertTrue(
                    v.belief(bobConn).divergences().isEmpty(), v.belief(bobConn).toString());
            assertTrue(v.belief(connOf(v, "dave")).sees().contains("carol"));
            dave.close();
        }
    }

    private static String connOf(MatrixView v, String user) {
        return v.members().stream()
                .filter(s -> user.equals(s.userId()))
                .findFirst()
                .orElseThrow()
                .connection();
    }
}
