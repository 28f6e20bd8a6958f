package io.studycollab.realtime.qa.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtilleryExportTest {

    @Test
    void aRecordingBecomesAFlowWithItsTiming() {
        List<EventRecord> rs = List.of(
                new EventRecord(
                        1,
                        1_000,
                        0,
                        Direction.OUT,
                        "group:join",
                        null,
                        "g",
                        "me",
                        ProtocolCodec.object().put("groupId", "old"),
                        10,
                        null),
                new EventRecord(
                        2, 1_050, 0, Direction.IN, "user:joined", null, "g", "x", ProtocolCodec.object(), 10, null),
                new EventRecord(
                        3,
                        1_250,
                        0,
                        Direction.OUT,
                        "cursor:update",
                        null,
                        null,
                        "me",
                        ProtocolCodec.object().put("x", 1).put("y", 2),
                        10,
                        null));
        String yaml = ArtilleryExport.fromRecording(rs, "http://127.0.0.1:3000", "new", 25, 5);
        assertTrue(yaml.contains("arrivalCount: 25"), yaml);
        assertTrue(yaml.contains("engine: socketio-v3"));
        assertTrue(yaml.contains("data: {\"groupId\":\"new\"}"), "retargeted: " + yaml);
        assertTrue(yaml.contains("- think: 0.250"), yaml);
        assertTrue(yaml.contains("data: {\"x\":1,\"y\":2}"));
        assertFalse(yaml.contains("user:joined"), "inbound events are not sent");
        assertTrue(yaml.contains("token: \"{{ token }}\""), "tokens come from the CSV payload");
        assertEquals(2, yaml.split("- emit:").length - 1);
    }

    @Test
    void aSwarmDefinitionLoopsCursorMovesAtItsRate() {
        String yaml = ArtilleryExport.fromSwarm("http://127.0.0.1:3000", "demo", 50, 60, 20, 10);
        assertTrue(yaml.contains("count: 1200"), yaml);
        assertTrue(yaml.contains("- think: 0.050"), yaml);
        assertTrue(yaml.contains("channel: \"group:leave\""));
    }
}
