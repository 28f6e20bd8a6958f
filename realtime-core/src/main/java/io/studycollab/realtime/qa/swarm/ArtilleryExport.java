package io.studycollab.realtime.qa.swarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.replay.ReEmitter;
import java.util.List;

/**
 * Writes an Artillery 2 scenario for the Socket.IO v3/v4 engine ({@code artillery-engine-socketio-v3})
 * that replays a recording's outbound events with their timing, or acts out a swarm definition, so
 * the same load can run on Artillery's distributed runners.
 *
 * <p>What that engine needs (checked by running real Artillery in {@code ArtilleryRunTest}): its
 * options live under {@code config.engines.socketio-v3} (not {@code config.socketio}); a per-user
 * token reaches the handshake only through a {@code connect} step whose {@code auth} is templated
 * in the flow; {@code emit} takes the Socket.IO arguments as a list. Tokens come from a CSV payload
 * ({@code tokens.csv}, one per line, handed out in order), never from the scenario. A template that is
 * one variable and nothing else keeps its type, which is how cursor coordinates stay numbers.
 */
public final class ArtilleryExport {

    /** The payload file the scenario reads its tokens from, beside the scenario. */
    public static final String TOKENS_FILE = "tokens.csv";

    private static final String ENGINE = "socketio-v3";
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private ArtilleryExport() {}

    /** Every virtual user replays the recording's outbound events, optionally into {@code group}. */
    public static String fromRecording(
            List<EventRecord> records, String target, String group, int users, int rampSeconds) {
        List<EventRecord> steps = ReEmitter.replayable(records);
        ArrayNode flow = ProtocolCodec.mapper().createArrayNode();
        flow.add(connect());
        if (group != null && steps.stream().noneMatch(r -> EventNames.GROUP_JOIN.equals(r.name()))) {
            flow.add(join(group));
        }
        long previous = steps.isEmpty() ? 0 : steps.get(0).wallMillis();
        for (EventRecord r : steps) {
            long gap = r.wallMillis() - previous;
            previous = r.wallMillis();
            if (gap > 0) {
                flow.add(think(gap / 1000.0));
            }
            JsonNode payload = r.payload();
            if (group != null && payload instanceof ObjectNode o && o.has("groupId")) {
                payload = o.deepCopy().put("groupId", group);
            }
            flow.add(
                    EventNames.GROUP_JOIN.equals(r.name())
                            ? join(payload.path("groupId").asText())
                            : emit(r.name(), payload));
        }
        return write(target, users, rampSeconds, "replay of a recorded session (" + steps.size() + " events)", flow);
    }

    /** N users join {@code group} and move their cursors at {@code cursorRate} for {@code seconds}. */
    public static String fromSwarm(
            String target, String group, int users, int seconds, double cursorRate, int rampSeconds) {
        double rate = Math.max(0.1, cursorRate);
        int moves = (int) Math.max(1, Math.round(seconds * rate));
        ArrayNode flow = ProtocolCodec.mapper().createArrayNode();
        flow.add(connect());
        flow.add(join(group));
        // The loop index is the one number the engine can template without turning it into text:
        // each user walks its cursor along the diagonal, one step per update.
        ObjectNode position =
                ProtocolCodec.object().put("x", "{{ $loopCount }}").put("y", "{{ $loopCount }}");
        ObjectNode loop = ProtocolCodec.object();
        loop.putArray("loop").add(emit(EventNames.CURSOR_UPDATE, position)).add(think(1 / rate));
        loop.put("count", moves);
        flow.add(loop);
        flow.add(emit(EventNames.GROUP_LEAVE, ProtocolCodec.object().put("groupId", group)));
        return write(
                target,
                users,
                rampSeconds,
                users + " users in " + group + ", cursor at " + cursorRate + "/s for " + seconds + " s",
                flow);
    }

    private static ObjectNode connect() {
        ObjectNode step = ProtocolCodec.object();
        step.putObject("connect").putObject("auth").put("token", "{{ token }}");
        return step;
    }

    /** Joins wait for the server's acknowledgement, so Artillery reports their round trip. */
    private static ObjectNode join(String group) {
        ObjectNode step = emit(EventNames.GROUP_JOIN, ProtocolCodec.object().put("groupId", group));
        step.putObject("acknowledge");
        return step;
    }

    private static ObjectNode emit(String channel, JsonNode data) {
        ObjectNode step = ProtocolCodec.object();
        ArrayNode args = step.putArray("emit").add(channel);
        if (data != null) {
            args.add(data);
        }
        return step;
    }

    private static ObjectNode think(double seconds) {
        return ProtocolCodec.object().put("think", Math.round(seconds * 1000) / 1000.0);
    }

    private static String write(String target, int users, int rampSeconds, String description, ArrayNode flow) {
        ObjectNode root = ProtocolCodec.object();
        ObjectNode config = root.putObject("config");
        config.put("target", target);
        config.putArray("phases")
                .addObject()
                .put("duration", Math.max(1, rampSeconds))
                .put("arrivalCount", users);
        ObjectNode payload = config.putObject("payload");
        payload.put("path", TOKENS_FILE);
        payload.putArray("fields").add("token");
        payload.put("order", "sequence");
        payload.put("cast", false);
        config.putObject("engines").putObject(ENGINE).putArray("transports").add("websocket");
        ObjectNode scenario = root.putArray("scenarios").addObject();
        scenario.put("name", description);
        scenario.put("engine", ENGINE);
        scenario.set("flow", flow);
        try {
            return "# Artillery scenario generated by the StudyCollab Realtime Debugger: " + description + "\n"
                    + "# Run: npm install artillery@2 artillery-engine-socketio-v3 && npx artillery run "
                    + "scenario.yml\n"
                    + "# " + TOKENS_FILE + ": one access token per line, one per user (the scenario holds none).\n"
                    + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
