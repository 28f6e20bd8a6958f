package io.studycollab.realtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The validation rules of shared/protocol.md §3, in one place: our server enforces them on what it
 * receives and our client checks them before sending, so both refuse the same things.
 */
public final class ProtocolRules {

    public static final int MAX_GROUP_ID = 128;
    public static final int MAX_TOOL = 32;
    public static final double MAX_COORDINATE = 1_000_000;
    public static final int MAX_DATA_BYTES = 16 * 1024;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_PACKET_BYTES = 64 * 1024;

    private ProtocolRules() {}

    public static String groupId(JsonNode node, String field) {
        if (node == null || !node.isTextual() || !isGroupId(node.textValue())) {
            throw ProtocolViolation.invalid(field + " must be 1-128 characters of [A-Za-z0-9_.:-]");
        }
        return node.textValue();
    }

    public static String groupId(String value) {
        if (!isGroupId(value)) {
            throw ProtocolViolation.invalid("groupId must be 1-128 characters of [A-Za-z0-9_.:-]");
        }
        return value;
    }

    /** 1-128 characters of {@code [A-Za-z0-9_.:-]}; checked by hand: every inbound event has one, and a regex match cost more than the rest of the validation. */
    public static boolean isGroupId(String value) {
        if (value == null || value.isEmpty() || value.length() > 128) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == ':'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static String tool(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw ProtocolViolation.invalid("tool must be 1-32 printable characters");
        }
        return tool(node.textValue());
    }

    public static String tool(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_TOOL || hasControl(value)) {
            throw ProtocolViolation.invalid("tool must be 1-32 printable characters");
        }
        return value;
    }

    public static double coordinate(JsonNode node, String name) {
        if (node == null || !node.isNumber()) {
            throw ProtocolViolation.invalid(name + " must be a finite number with absolute value <= 1000000");
        }
        return coordinate(node.doubleValue(), name);
    }

    public static double coordinate(double value, String name) {
        if (!Double.isFinite(value) || Math.abs(value) > MAX_COORDINATE) {
            throw ProtocolViolation.invalid(name + " must be a finite number with absolute value <= 1000000");
        }
        return value;
    }

    public static Payloads.Cursor cursor(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ProtocolViolation.invalid("cursor must be an object {x, y}");
        }
        return new Payloads.Cursor(coordinate(node.get("x"), "x"), coordinate(node.get("y"), "y"));
    }

    public static String customEvent(String name) {
        String problem = EventNames.customNameProblem(name);
        if (problem != null) {
            throw ProtocolViolation.invalid(problem);
        }
        return name;
    }

    /** Checks size (serialized UTF-8) and nesting depth of custom event data. */
    public static void customData(JsonNode data, int serializedBytes) {
        if (serializedBytes > MAX_DATA_BYTES) {
            throw ProtocolViolation.invalid("data must be at most 16 KiB serialized");
        }
        if (depth(data) > MAX_DEPTH) {
            throw ProtocolViolation.invalid("data nesting depth must be at most 32");
        }
    }

    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Nesting depth: 0 for a scalar, 1 for a flat object or array. Iterative, so hostile depth cannot overflow the stack. */
    public static int depth(JsonNode root) {
        if (root == null || !root.isContainerNode()) {
            return 0;
        }
        int max = 0;
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 1});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            JsonNode node = (JsonNode) top[0];
            int d = (Integer) top[1];
            max = Math.max(max, d);
            if (max > MAX_DEPTH) {
                return max;
            }
            for (JsonNode child : node) {
                if (child.isContainerNode()) {
                    stack.push(new Object[] {child, d + 1});
                }
            }
        }
        return max;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
