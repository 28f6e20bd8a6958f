package io.studycollab.realtime.proxy;

import java.net.URI;
import java.time.Duration;

/**
 * How the proxy runs.
 *
 * @param host          where it listens (loopback by default: clients on this machine only)
 * @param port          0 for any free port
 * @param target        the real server, {@code http://} or {@code https://}
 * @param socketIoPath  the Engine.IO path, {@code /socket.io/} by default
 * @param maxBodyBytes  largest HTTP body or websocket message passed on (the server applies its own limit)
 * @param autoRelease   how long a breakpoint may hold a packet before it is forwarded unchanged
 */
public record ProxyConfig(
        String host, int port, URI target, String socketIoPath, int maxBodyBytes, Duration autoRelease) {

    public static ProxyConfig of(int port, URI target) {
        return new ProxyConfig("127.0.0.1", port, target, "/socket.io/", 64 * 1024 * 1024, Duration.ofSeconds(30));
    }

    public ProxyConfig withAutoRelease(Duration d) {
        return new ProxyConfig(host, port, target, socketIoPath, maxBodyBytes, d);
    }

    public ProxyConfig withHost(String h) {
        return new ProxyConfig(h, port, target, socketIoPath, maxBodyBytes, autoRelease);
    }
}
