package io.studycollab.realtime.server;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

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
                false);
    }

    /** Shorter than HS256's 256 bits (RFC 7518 §3.2). */
    public static boolean isWeakSecret(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8).length < 32;
    }

    /** A fresh random secret, for a sandbox nobody else needs to verify tokens for. */
    public static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(
                h,
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

    public ServerConfig withPort(int p) {
        return new ServerConfig(
                host,
                p,
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

    public ServerConfig withGroupsPolicy(GroupsPolicy g) {
        return new ServerConfig(
                host,
                port,
                jwtSecret,
                serviceKey,
                g,
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

    public ServerConfig withAudience(String a) {
        return new ServerConfig(
                host,
                port,
                jwtSecret,
                serviceKey,
                groupsPolicy,
                a,
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

    public ServerConfig withInactivity(Duration timeout, Duration sweep) {
        return new ServerConfig(
                host,
                port,
                jwtSecret,
                serviceKey,
                groupsPolicy,
                audience,
                timeout,
                sweep,
                heartbeatInterval,
                pingInterval,
                pingTimeout,
                cursorRatePerSecond,
                eventRatePerSecond,
                eventBurst,
                limits,
                allowWeakSecret);
    }

    public ServerConfig withRates(double cursorPerSecond, double eventsPerSecond, int burst) {
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
                cursorPerSecond,
                eventsPerSecond,
                burst,
                limits,
                allowWeakSecret);
    }

    public ServerConfig withLimits(ConnectionLimits l) {
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
                l,
                allowWeakSecret);
    }

    /** Lets {@code serve} run with a JWT secret under 256 bits, as servers on jsonwebtoken do. */
    public ServerConfig withWeakSecretAllowed(boolean allowed) {
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
                allowed);
    }

    @Override
    public String toString() {
        // Secrets stay out of logs.
        return "ServerConfig[" + host + ":" + port + ", policy=" + groupsPolicy + ", audience=" + audience + "]";
    }
}
