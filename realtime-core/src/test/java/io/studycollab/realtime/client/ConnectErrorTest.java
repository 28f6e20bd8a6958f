package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class ConnectErrorTest {

    @Test
    void readsTheServersCodeAndTextOrTheTransportsFailure() {
        assertEquals(
                new ConnectError("AUTH_EXPIRED", "token expired"),
                ConnectError.of(
                        new JSONObject(
                                "{\"message\":\"AUTH_EXPIRED\",\"data\":{\"code\":\"AUTH_EXPIRED\",\"message\":\"token expired\"}}")));
        assertEquals(
                new ConnectError("AUTH_MISSING", "AUTH_MISSING"),
                ConnectError.of(new JSONObject("{\"message\":\"AUTH_MISSING\"}")));
        assertEquals(
                new ConnectError(null, "Not authorized"),
                ConnectError.of(new JSONObject("{\"message\":\"Not authorized\"}")),
                "free text is not a code");
        assertEquals(
                new ConnectError(null, "xhr poll error: Connection refused"),
                ConnectError.of(new RuntimeException("xhr poll error", new IOException("Connection refused"))));
        assertEquals(new ConnectError(null, "IllegalStateException"), ConnectError.of(new IllegalStateException()));
        assertEquals(new ConnectError(null, "null"), ConnectError.of(null));
    }
}
