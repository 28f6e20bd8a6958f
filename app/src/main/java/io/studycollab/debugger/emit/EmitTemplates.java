package io.studycollab.debugger.emit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.util.Map;

/**
 * A payload to start from for each client event of the contract (protocol.md §3), filled with the
 * current group where one is needed; and where a JSON text goes wrong, by line and column.
 */
final class EmitTemplates {

    private EmitTemplates() {}

    /** The template for {@code event} in {@code group} ("demo" when none), or null for a custom event. */
    static String of(String event, String group) {
        String g = group == null || group.isBlank() ? "demo" : group;
        Map<String, String> t = Map.of(
                EventNames.GROUP_JOIN, "{\n  \"groupId\": \"" + g + "\"\n}",
                EventNames.GROUP_LEAVE, "{\n  \"groupId\": \"" + g + "\"\n}",
                EventNames.GROUP_PRESENCE, "{\n  \"groupId\": \"" + g + "\"\n}",
                EventNames.PRESENCE_UPDATE,
                        "{\n  \"isActive\": true,\n  \"currentTool\": \"pen\",\n  \"cursor\": { \"x\": 100, \"y\": 100 }\n}",
                EventNames.CURSOR_UPDATE, "{\n  \"x\": 100,\n  \"y\": 100\n}",
                EventNames.TOOL_CHANGE, "{\n  \"tool\": \"pen\"\n}",
                EventNames.HEARTBEAT, "{\n  \"ts\": " + 0 + "\n}",
                EventNames.EVENT_EMIT,
                        "{\n  \"event\": \"chat:message\",\n  \"data\": { \"text\": \"hello\" },\n  \"groupId\": \"" + g
                                + "\"\n}");
        return t.get(event);
    }

    /** Null when {@code text} is JSON, else "line L, column C: what" (1-based, as an editor counts). */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            ProtocolCodec.parse(text);
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String what = e.getOriginalMessage();
            int cut = what.indexOf('\n');
            what = cut < 0 ? what : what.substring(0, cut);
            return at == null ? what : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
        }
    }
}
