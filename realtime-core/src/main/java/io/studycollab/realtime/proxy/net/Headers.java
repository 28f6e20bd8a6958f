package io.studycollab.realtime.proxy.net;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which headers cross the proxy: everything but the hop-by-hop ones (RFC 9110 §7.6.1) and framing. */
final class Headers {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "content-length",
            "host");

    private static final Set<String> WEBSOCKET = Set.of(
            "sec-websocket-key",
            "sec-websocket-version",
            "sec-websocket-extensions",
            "sec-websocket-accept",
            "sec-websocket-protocol");

    private Headers() {}

    static void copyEndToEnd(HttpHeaders from, HttpHeaders to) {
        for (Map.Entry<String, String> e : from) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name)) {
                to.add(e.getKey(), e.getValue());
            }
        }
    }

    /** End-to-end headers without the websocket handshake's own (the handshakers set those). */
    static void copyForWebSocket(HttpHeaders from, HttpHeaders to) {
        for (Map.Entry<String, String> e : from) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !WEBSOCKET.contains(name)) {
                to.add(e.getKey(), e.getValue());
            }
        }
    }

    static boolean isWebSocketUpgrade(HttpHeaders h) {
        return h.containsValue(HttpHeaderNames.CONNECTION, "upgrade", true)
                && "websocket".equalsIgnoreCase(h.get(HttpHeaderNames.UPGRADE));
    }
}
