package io.studycollab.realtime.admin;

import java.util.Objects;

/**
 * How to reach a server's admin namespace, as {@code instrument()} of {@code @socket.io/admin-ui}
 * sets it up: the namespace ({@code /admin} by default), the Socket.IO path, and basic-auth
 * credentials when the server asks for them.
 *
 * @param allowActions false (the default) keeps the client read-only: no disconnect, join or leave
 *                     can be prepared, whatever the server supports
 */
public record AdminOptions(
        String namespace,
        String path,
        String username,
        AdminPassword password,
        boolean websocketOnly,
        boolean allowActions) {

    public static final String DEFAULT_NAMESPACE = "/admin";

    public AdminOptions {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(path, "path");
        if (!namespace.startsWith("/")) {
            throw new IllegalArgumentException("namespace must start with /: " + namespace);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password go together");
        }
    }

    /** Namespace {@code /admin}, path {@code /socket.io}, no credentials, read-only. */
    public static AdminOptions defaults() {
        return new AdminOptions(DEFAULT_NAMESPACE, "/socket.io", null, null, false, false);
    }

    public AdminOptions withNamespace(String ns) {
        return new AdminOptions(ns, path, username, password, websocketOnly, allowActions);
    }

    public AdminOptions withCredentials(String user, AdminPassword pw) {
        return new AdminOptions(namespace, path, user, pw, websocketOnly, allowActions);
    }

    public AdminOptions withActionsAllowed(boolean allowed) {
        return new AdminOptions(namespace, path, username, password, websocketOnly, allowed);
    }

    public AdminOptions withWebsocketOnly(boolean only) {
        return new AdminOptions(namespace, path, username, password, only, allowActions);
    }
}
