package io.studycollab.realtime.qa.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.client.ConnectionQuality;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.StateCause;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.session.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsReportTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlLXNpZw";

    @Test
    void hasTheTimelineErrorsAndCountsButNoSecret() {
        ConnectionSnapshot s = new ConnectionSnapshot(
                ConnectionState.RECONNECTING,
                "connection lost: transport close",
                null,
                null,
                2,
                5,
                -1,
                "http://user:pw@127.0.0.1:3000/?token=" + TOKEN,
                null,
                null,
                "me",
                "Me",
                "g1",
                40,
                3,
                1,
                ConnectionQuality.OFFLINE,
                7,
                0,
                -1,
                StateCause.CONNECTION_LOST);
        List<EventRecord> history = List.of(
                EventRecord.of(
                        Direction.LOCAL,
                        "client:state",
                        ProtocolCodec.object()
                                .put("from", "CONNECTED")
                                .put("to", "RECONNECTING")
                                .put("reason", "connection lost")
                                .put("retryInMs", 2000),
                        50,
                        null,
                        1,
                        1,
                        null),
                EventRecord.of(
                        Direction.IN,
                        "connection:error",
                        ProtocolCodec.object().put("code", "RATE_LIMITED").put("message", "too many"),
                        40,
                        null,
                        2,
                        2,
                        null),
                EventRecord.of(
                        Direction.IN,
                        "user:joined",
                        ProtocolCodec.object().put("token", TOKEN),
                        40,
                        "bad shape",
                        3,
                        3,
                        null),
                EventRecord.of(
                        Direction.LOCAL,
                        "netsim:profile",
                        ProtocolCodec.object().put("profile", "offline"),
                        20,
                        null,
                        4,
                        4,
                        null));
        String report = DiagnosticsReport.build("Debugger 1.0", s, history, new Redactor().addSecret(TOKEN));
        assertFalse(report.contains(TOKEN), report);
        assertFalse(report.contains("pw@"), "no user info from the URL");
        assertTrue(report.contains("| server | http://127.0.0.1:3000/ |"), report);
        assertTrue(report.contains("client:state") && report.contains("retryInMs"), report);
        assertTrue(report.contains("netsim:profile"), report);
        assertTrue(report.contains("RATE_LIMITED"));
        assertTrue(report.contains("malformed: bad shape"));
        assertTrue(report.contains("| user:joined | 1 | 0 | 0 |"), report);
        assertEquals("–", DiagnosticsReport.safeUrl(null));
    }
}
