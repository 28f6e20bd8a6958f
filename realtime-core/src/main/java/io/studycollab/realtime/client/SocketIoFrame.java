package io.studycollab.realtime.client;

/**
 * Reads just enough of an Engine.IO v4 websocket text frame carrying a Socket.IO v5 packet
 * ({@code 4} message, then {@code 2} EVENT or {@code 5} BINARY_EVENT, e.g.
 * {@code 42/chat,17["name",…]} or {@code 451-["file",{"_placeholder":true,"num":0}]}) to decide
 * what to drop, without parsing the JSON.
 */
final class SocketIoFrame {

    private SocketIoFrame() {}

    /** True for an EVENT or BINARY_EVENT packet. */
    static boolean isEvent(String frame) {
        return frame.length() > 2 && frame.charAt(0) == '4' && (frame.charAt(1) == '2' || frame.charAt(1) == '5');
    }

    /** How many binary frames follow a BINARY_EVENT ({@code 45<n>-…}); 0 for anything else. */
    static int attachments(String frame) {
        if (frame.length() < 4 || frame.charAt(1) != '5') {
            return 0;
        }
        int n = 0;
        for (int i = 2; i < frame.length() && i < 12; i++) {
            char c = frame.charAt(i);
            if (c == '-') {
                return n;
            }
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return 0;
    }

    /** The event's name when it is a plain JSON string without escapes, else {@code "?"}. */
    static String eventName(String frame) {
        int open = frame.indexOf('[');
        if (open < 0 || open + 1 >= frame.length() || frame.charAt(open + 1) != '"') {
            return "?";
        }
        int end = frame.indexOf('"', open + 2);
        if (end < 0 || end - open > 130) {
            return "?";
        }
        String name = frame.substring(open + 2, end);
        return name.indexOf('\\') >= 0 ? "?" : name;
    }
}
