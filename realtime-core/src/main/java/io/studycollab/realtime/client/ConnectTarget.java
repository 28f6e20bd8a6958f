package io.studycollab.realtime.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * Where and how one connection goes: Socket.IO path, transports, extra handshake headers, and the
 * Socket.IO namespace ({@code "/"} unless a server serves its events elsewhere).
 */
public record ConnectTarget(
        String path, List<Transport> transports, Map<String, String> extraHeaders, String namespace) {

    public ConnectTarget {
        path = path == null || path.isBlank() ? "/socket.io" : path;
        transports = transports == null || transports.isEmpty()
                ? List.of(Transport.WEBSOCKET, Transport.POLLING)
                : List.copyOf(transports);
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
        namespace = normalizeNamespace(namespace);
    }

    /** The default namespace. */
    public ConnectTarget(String path, List<Transport> transports, Map<String, String> extraHeaders) {
        this(path, transports, extraHeaders, "/");
    }

    public static ConnectTarget of(ClientOptions options) {
        return new ConnectTarget(options.path(), options.transports(), options.extraHeaders(), options.namespace());
    }

    /**
     * {@code "/"} for null or blank, a leading slash added otherwise ({@code admin} is {@code /admin}).
     *
     * @throws IllegalArgumentException for a namespace that cannot be a URI path
     */
    public static String normalizeNamespace(String namespace) {
        if (namespace == null || namespace.isBlank()) {
            return "/";
        }
        String n = namespace.startsWith("/") ? namespace : "/" + namespace;
        if (n.contains("?") || n.contains("#") || n.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("namespace " + namespace + " must be a path such as /admin");
        }
        return n;
    }

    /**
     * The URI socket.io-client-java takes: the server URL with the namespace as its path (that is how
     * the library learns the namespace; the Socket.IO path travels separately).
     */
    public URI socketUri(String serverUrl) {
        URI base = URI.create(serverUrl);
        if ("/".equals(namespace)) {
            return base;
        }
        try {
            return new URI(base.getScheme(), base.getRawAuthority(), namespace, base.getRawQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("namespace " + namespace + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        // Header values may carry credentials.
        return "ConnectTarget[" + path + " " + namespace + " " + transports + " headers=" + extraHeaders.keySet() + "]";
    }
}
