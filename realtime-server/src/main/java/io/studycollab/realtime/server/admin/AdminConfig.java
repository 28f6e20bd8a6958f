package io.studycollab.realtime.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * The admin namespace of our server ({@code serve --admin}): off unless asked for, loopback-only
 * unless {@code allowRemote}, basic auth when a username is set. The password is kept only as its
 * SHA-256 digest and compared in constant time.
 *
 * @param development stream every socket change and every received event (the official package's
 *                    {@code mode: "development"}); otherwise only server stats
 * @param readonly    refuse disconnect, join and leave actions
 * @param scanInterval how often room membership is compared with what admins were told
 */
public record AdminConfig(
        boolean enabled,
        String namespace,
        String username,
        byte[] passwordDigest,
        boolean allowRemote,
        boolean development,
        boolean readonly,
        String serverId,
        Duration scanInterval) {

    public static final AdminConfig OFF =
            new AdminConfig(false, "/admin", null, null, false, true, false, null, Duration.ofMillis(100));

    public AdminConfig {
        if (!namespace.startsWith("/") || namespace.equals("/")) {
            throw new IllegalArgumentException("the admin namespace must start with / and not be / itself");
        }
        if ((username == null) != (passwordDigest == null)) {
            throw new IllegalArgumentException("an admin user needs a password and a password a user");
        }
    }

    /** On, at {@code /admin}, without authentication, loopback-only, development mode. */
    public static AdminConfig open() {
        return new AdminConfig(true, "/admin", null, null, false, true, false, null, Duration.ofMillis(100));
    }

    public AdminConfig withCredentials(String user, String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the admin password is empty");
        }
        return new AdminConfig(
                enabled, namespace, user, digest(password), allowRemote, development, readonly, serverId, scanInterval);
    }

    public AdminConfig withNamespace(String ns) {
        return new AdminConfig(
                enabled, ns, username, passwordDigest, allowRemote, development, readonly, serverId, scanInterval);
    }

    public AdminConfig withAllowRemote(boolean remote) {
        return new AdminConfig(
                enabled, namespace, username, passwordDigest, remote, development, readonly, serverId, scanInterval);
    }

    public AdminConfig withReadonly(boolean ro) {
        return new AdminConfig(
                enabled, namespace, username, passwordDigest, allowRemote, development, ro, serverId, scanInterval);
    }

    public AdminConfig withDevelopment(boolean dev) {
        return new AdminConfig(
                enabled, namespace, username, passwordDigest, allowRemote, dev, readonly, serverId, scanInterval);
    }

    boolean passwordMatches(Object offered) {
        if (!(offered instanceof String s) || passwordDigest == null) {
            return false;
        }
        return MessageDigest.isEqual(digest(s), passwordDigest);
    }

    static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "AdminConfig[" + (enabled ? "on " + namespace : "off")
                + (username != null ? ", basic auth" : ", no auth")
                + (allowRemote ? ", remote allowed" : ", loopback only") + "]";
    }
}
