package io.studycollab.realtime.server.auth;

import java.util.List;

/**
 * Who a valid token is for.
 *
 * @param groups {@code app_metadata.groups}, or null when the token does not list any
 */
public record VerifiedUser(
        String userId, String displayName, String avatarUrl, List<String> groups, long expiresAtMillis) {}
