package io.studycollab.realtime.qa.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario's shape as Artillery reads it; {@code ArtilleryRunTest} (app) runs it on real Artillery. */
class ArtilleryExportTest {

    private static JsonNode parse(String yaml) throws Exception {
        return new YAMLMapper().readTree(yaml);
    }

    private static EventRecord out(long seq, long millis, String name, JsonNode payload) {
        return new EventRecord(seq, millis, 0, Direction.OUT, name, null, null, "me", payload, 10, null);
    }

    private static List<String> names(JsonNode flow) {
        List<String> names = new ArrayList<>();
        flow.forEach(step -> names.add(
                step.has("emit")
                        ? step.get("emit").get(0).asText()
                        : step.fieldNames().next()));
        return names;
    }

    @Test
    void theEngineGetsItsOptionsAndEachUserConnectsWithItsOwnToken() throws Exception {
        JsonNode doc = parse(ArtilleryExport.fromSwarm("http://127.0.0.1:3000", "demo", 50, 60, 20, 10));
        JsonNode config = doc.get("config");
        assertEquals("http://127.0.0.1:3000", config.get("target").asText());
        assertEquals(50, config.get("phases").get(0).get("arrivalCount").asInt());
        assertEquals(10, config.get("phases").get(0).get("duration").asInt());
        assertEquals("websocket", config.at("/engines/socketio-v3/transports/0").asText());
        assertFalse(config.has("socketio"), "the v3 engine reads config.engines.socketio-v3");
        assertEquals("tokens.csv", config.at("/payload/path").asText());
        assertEquals("token", config.at("/payload/fields/0").asText());
        assertEquals("sequence", config.at("/payload/order").asText());
        JsonNode scenario = doc.get("scenarios").get(0);
        assertEquals("socketio-v3", scenario.get("engine").asText());
        JsonNode flow = scenario.get("flow");
        assertEquals("{{ token }}", flow.at("/0/connect/auth/token").asText(), "auth per user, in the flow");
    }

    @Test
    void aSwarmJoinsLoopsNumericCursorMovesAtItsRateAndLeaves() throws Exception {
        JsonNode flow = parse(ArtilleryExport.fromSwarm("http://h:1", "demo", 50, 60, 20, 10))
                .at("/scenarios/0/flow");
        assertEquals(List.of("connect", "group:join", "loop", "group:leave"), names(flow));
        assertEquals("demo", flow.at("/1/emit/1/groupId").asText());
        assertTrue(flow.get(1).has("acknowledge"), "the join waits for its ack");
        JsonNode loop = flow.get(2);
        assertEquals(1200, loop.get("count").asInt());
        assertEquals("cursor:update", loop.at("/loop/0/emit/0").asText());
        assertEquals("{{ $loopCount }}", loop.at("/loop/0/emit/1/x").asText(), "one variable keeps its number type");
        assertEquals(0.05, loop.at("/loop/1/think").asDouble(), 1e-9);
        assertEquals("demo", flow.at("/3/emit/1/groupId").asText());
    }

    @Test
    void aRecordingBecomesAFlowWithItsTimingRetargetedAndWithoutInboundEvents() throws Exception {
        List<EventRecord> rs = List.of(
                out(1, 1_000, "group:join", ProtocolCodec.object().put("groupId", "old")),
                new EventRecord(
                        2, 1_050, 0, Direction.IN, "user:joined", null, "g", "x", ProtocolCodec.object(), 10, null),
                out(
                        3,
                        1_250,
                        "cursor:update",
                        ProtocolCodec.object().put("x", 1).put("y", 2)),
                out(4, 1_250, "tool:change", ProtocolCodec.object().put("tool", "{{ not a template }}: 1")));
        JsonNode flow = parse(ArtilleryExport.fromRecording(rs, "http://127.0.0.1:3000", "new", 25, 5))
                .at("/scenarios/0/flow");
        assertEquals(List.of("connect", "group:join", "think", "cursor:update", "tool:change"), names(flow));
        assertEquals("new", flow.at("/1/emit/1/groupId").asText(), "retargeted");
        assertEquals(0.25, flow.at("/2/think").asDouble(), 1e-9);
        assertEquals(1, flow.at("/3/emit/1/x").asInt());
        assertTrue(flow.at("/3/emit/1/x").isNumber(), "numbers stay numbers");
        assertEquals("{{ not a template }}: 1", flow.at("/4/emit/1/tool").asText(), "text survives YAML quoting");
    }

    @Test
    void aRecordingWithoutAJoinGetsOneForTheTargetGroup() throws Exception {
        JsonNode flow = parse(ArtilleryExport.fromRecording(
                        List.of(out(
                                1,
                                5,
                                "cursor:update",
                                ProtocolCodec.object().put("x", 3).put("y", 4))),
                        "http://h:1",
                        "room",
                        1,
                        1))
                .at("/scenarios/0/flow");
        assertEquals(List.of("connect", "group:join", "cursor:update"), names(flow));
        assertEquals("room", flow.at("/1/emit/1/groupId").asText());
    }
}
