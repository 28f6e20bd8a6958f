package io.studycollab.realtime.client;

import java.util.List;
import java.util.Map;

/** Where and how one connection goes: Socket.IO path, transports, extra handshake headers. */
public record ConnectTarget(String path, List<Transport> transports, Map<String, String> extraHeaders) {

    public ConnectTarget {
        path = path == null || path.isBlank() ? "/socket.io" : path;
        transports = transports == null || transports.isEmpty()
                ? List.of(Transport.WEBSOCKET, Transport.POLLING)
                : List.copyOf(transports);
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
    }

    public static ConnectTarget of(ClientOptions options) {
        return new ConnectTarget(options.path(), options.transports(), options.extraHeaders());
    }

    @Override
    public String toString() {
        // Header values may carry credentials.
        return "ConnectTarget[" + path + " " + transports + " headers=" + extraHeaders.keySet() + "]";
    }
}
