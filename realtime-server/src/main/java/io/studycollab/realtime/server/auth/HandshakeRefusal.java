package io.studycollab.realtime.server.auth;

import com.corundumstudio.socketio.AuthTokenResult;
import java.util.Map;

/**
 * How a refused Socket.IO CONNECT is answered (§1): v4 clients see {@code connect_error} with
 * {@code message} = the code and {@code data = { code, message }}, over websocket and polling.
 */
public final class HandshakeRefusal {

    private HandshakeRefusal() {}

    /** The CONNECT_ERROR packet's data. */
    public static Map<String, Object> errorData(String code, String message) {
        return Map.of("message", code, "data", Map.of("code", code, "message", message));
    }

    public static AuthTokenResult refuse(String code, String message) {
        return new AuthTokenResult(false, errorData(code, message));
    }
}
