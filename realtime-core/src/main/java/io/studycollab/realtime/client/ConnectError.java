package io.studycollab.realtime.client;

import org.json.JSONObject;

/**
 * What a refused or failed handshake said, read from whatever socket.io-client-java hands to
 * {@code connect_error}: the server's {@code {message, data: {code, message}}} (protocol §1), an
 * exception from the transport, or anything else.
 *
 * @param code    an upper-case protocol code (AUTH_MISSING, …), or null when there is none
 * @param message the most specific human text available
 */
record ConnectError(String code, String message) {

    static ConnectError of(Object error) {
        if (error instanceof JSONObject j) {
            String message = j.optString("message", "connection refused");
            JSONObject data = j.optJSONObject("data");
            String code = data != null ? data.optString("code", message) : message;
            if (data != null && data.has("message")) {
                message = data.optString("message");
            }
            return new ConnectError(code.matches("[A-Z_]+") ? code : null, message);
        }
        if (error instanceof Exception e) {
            String message =
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            if (e.getCause() != null && e.getCause().getMessage() != null) {
                message += ": " + e.getCause().getMessage();
            }
            return new ConnectError(null, message);
        }
        return new ConnectError(null, String.valueOf(error));
    }
}
