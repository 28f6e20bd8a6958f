package io.studycollab.realtime.server;

import io.studycollab.realtime.server.auth.Hs256;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * How a {@link StudyCollabServer} runs. Defaults follow shared/protocol.md: loopback only, open
 * group policy, 60 s inactivity, Engine.IO ping 25 s / 20 s.
 *
 * @param port 0 picks a free port
 */
public record ServerConfig(
        String host,
        int port,
        String jwtSecret,
        String serviceKey,
        GroupsPolicy groupsPolicy,
        String audience,
        Duration inactivityTimeout,
        Duration sweepInterval,
        Duration heartbeatInterval,
        Duration pingInterval,
        Duration pingTimeout,
        double cursorRatePerSecond,
        double eventRatePerSecond,
        int eventBurst,
        ConnectionLimits limits,
        boolean allowWeakSecret) {

    /** Who may join which group (§3 Authorization). */
    public enum GroupsPolicy {
        /** Users without {@code app_metadata.groups} may join any group. */
        OPEN,
        /** Every user needs the group listed in {@code app_metadata.groups}. */
        CLAIMS
    }

    public ServerConfig {
        if (jwtSecret == null || jwtSecret.isEmpty()) {
            throw new IllegalArgumentException("a JWT secret is required");
        }
        if (isWeakSecret(jwtSecret) && !allowWeakSecret) {
            throw new IllegalArgumentException(
                    "the JWT secret must be at least 32 bytes (RFC 7518 §3.2: HS256 needs 256 bits);"
                            + " allow a weaker one explicitly (serve --allow-weak-secret)");
        }
        if (limits == null) {
            throw new IllegalArgumentException("limits are required");
        }
        if (serviceKey == null || serviceKey.isBlank()) {
            throw new IllegalArgumentException("a service-role key is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
    }

    public static ServerConfig defaults(String jwtSecret, String serviceKey) {
        return defaults(jwtSecret, serviceKey, false);
    }

    /** The defaults, with a JWT secret under 256 bits accepted when {@code allowWeakSecret}. */
    public static ServerConfig defaults(String jwtSecret, String serviceKey, boolean allowWeakSecret) {
        return new ServerConfig(
                "127.0.0.1",
                0,
                jwtSecret,
                serviceKey,
                GroupsPolicy.OPEN,
                "authenticated",
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofSeconds(25),
                Duration.ofSeconds(20),
                30,
                20,
                40,
                ConnectionLimits.defaults(),
                allowWeakSecret);
    }

    /** Shorter than HS256's 256 bits (RFC 7518 §3.2). */
    public static boolean isWeakSecret(String secret) {
        return Hs256.isWeak(secret);
    }

    /** A fresh random secret, for a sandbox nobody else needs to verify tokens for. */
    public static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public ServerConfig withHost(String h) {
        return with(c -> c.host = h);
    }

    public ServerConfig withPort(int p) {
        return with(c -> c.port = p);
    }

    public ServerConfig withGroupsPolicy(GroupsPolicy g) {
        return with(c -> c.groupsPolicy = g);
    }

    public ServerConfig withAudience(String a) {
        return with(c -> c.audience = a);
    }

    public ServerConfig withInactivity(Duration timeout, Duration sweep) {
        return with(c -> {
            c.inactivityTimeout = timeout;
            c.sweepInterval = sweep;
        });
    }

    public ServerConfig withRates(double cursorPerSecond, double eventsPerSecond, int burst) {
        return with(c -> {
            c.cursorRatePerSecond = cursorPerSecond;
            c.eventRatePerSecond = eventsPerSecond;
            c.eventBurst = burst;
        });
    }

    public ServerConfig withLimits(ConnectionLimits l) {
        return with(c -> c.limits = l);
    }

    /** Lets {@code serve} run with a JWT secret under 256 bits, as servers on jsonwebtoken do. */
    public ServerConfig withWeakSecretAllowed(boolean allowed) {
        return with(c -> c.allowWeakSecret = allowed);
    }

    /** The one copy: this configuration with what {@code change} sets on a copy of its values (checked again). */
    private ServerConfig with(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The configuration's values, to change some and make a new configuration of. */
    private static final class Copy {
        String host;
        int port;
        String jwtSecret;
        String serviceKey;
        GroupsPolicy groupsPolicy;
        String audience;
        Duration inactivityTimeout;
        Duration sweepInterval;
        Duration heartbeatInterval;
        Duration pingInterval;
        Duration pingTimeout;
        double cursorRatePerSecond;
        double eventRatePerSecond;
        int eventBurst;
        ConnectionLimits limits;
        boolean allowWeakSecret;

        Copy(ServerConfig o) {
            host = o.host;
            port = o.port;
            jwtSecret = o.jwtSecret;
            serviceKey = o.serviceKey;
            groupsPolicy = o.groupsPolicy;
            audience = o.audience;
            inactivityTimeout = o.inactivityTimeout;
            sweepInterval = o.sweepInterval;
            heartbeatInterval = o.heartbeatInterval;
            pingInterval = o.pingInterval;
            pingTimeout = o.pingTimeout;
            cursorRatePerSecond = o.cursorRatePerSecond;
            eventRatePerSecond = o.eventRatePerSecond;
            eventBurst = o.eventBurst;
            limits = o.limits;
            allowWeakSecret = o.allowWeakSecret;
        }

        ServerConfig build() {
            return new ServerConfig(
                    host,
                    port,
                    jwtSecret,
                    serviceKey,
                    groupsPolicy,
                    audience,
                    inactivityTimeout,
                    sweepInterval,
                    heartbeatInterval,
                    pingInterval,
                    pingTimeout,
                    cursorRatePerSecond,
                    eventRatePerSecond,
                    eventBurst,
                    limits,
                    allowWeakSecret);
        }
    }

    @Override
    public String toString() {
        // Secrets stay out of logs.
        return "ServerConfig[" + host + ":" + port + ", policy=" + groupsPolicy + ", audience=" + audience + "]";
    }
}
