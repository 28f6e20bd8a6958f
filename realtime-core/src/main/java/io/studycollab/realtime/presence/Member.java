package io.studycollab.realtime.presence;

import io.studycollab.realtime.protocol.Payloads;
import java.util.Objects;

/**
 * A user in a group as the fold sees them.
 *
 * @param lastEventMillis record time of the last event from or about this user (drives stale detection)
 * @param cursorMillis    record time of the last cursor position, -1 when none
 */
public record Member(
        String userId,
        String displayName,
        String avatarUrl,
        Payloads.Cursor cursor,
        boolean active,
        String currentTool,
        String lastSeen,
        long lastEventMillis,
        long cursorMillis) {

    static Member of(Payloads.UserPresence p, long at) {
        return new Member(
                p.userId(),
                p.displayName(),
                p.avatarUrl(),
                p.cursor(),
                p.isActive(),
                p.currentTool(),
                p.lastSeen(),
                at,
                p.cursor() == null ? -1 : at);
    }

    Member withCursor(Payloads.Cursor c, long at) {
        return new Member(userId, displayName, avatarUrl, c, active, currentTool, lastSeen, at, at);
    }

    Member withTool(String tool, long at) {
        return new Member(userId, displayName, avatarUrl, cursor, active, tool, lastSeen, at, cursorMillis);
    }

    Member touched(long at) {
        return new Member(userId, displayName, avatarUrl, cursor, active, currentTool, lastSeen, at, cursorMillis);
    }

    /**
     * Same as {@code other} in everything a roster shows (who, name, picture, activity, tool, last
     * seen, whether there is a cursor), ignoring where the cursor is and when they last did anything:
     * those change many times a second and views of the roster need not rebuild for them.
     */
    public boolean sameRosterEntry(Member other) {
        return other != null
                && userId.equals(other.userId)
                && Objects.equals(displayName, other.displayName)
                && Objects.equals(avatarUrl, other.avatarUrl)
                && active == other.active
                && Objects.equals(currentTool, other.currentTool)
                && Objects.equals(lastSeen, other.lastSeen)
                && (cursor == null) == (other.cursor == null);
    }

    /** No event from or about them for {@code afterMillis} at time {@code nowMillis}. */
    public boolean staleAt(long nowMillis, long afterMillis) {
        return nowMillis - lastEventMillis >= afterMillis;
    }

    /**
     * Two letters for an avatar ("Ada Lovelace" → "AL"); a trailing number is kept whole so numbered
     * users stay apart ("Virtual 1" → "V1", "Virtual 10" → "V10", "bot-12" → "B12").
     */
    public String initials() {
        String name = displayName == null || displayName.isBlank() ? userId : displayName.trim();
        String[] parts = name.split("[\\s._@-]+");
        StringBuilder sb = new StringBuilder();
        String last = parts.length > 1 ? parts[parts.length - 1] : "";
        boolean numbered = !last.isEmpty() && last.chars().allMatch(Character::isDigit);
        int letters = numbered ? 1 : 2;
        for (String part : parts) {
            if (!part.isEmpty() && sb.length() < letters && !(numbered && part == last)) {
                sb.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        if (numbered) {
            sb.append(last.length() > 3 ? last.substring(last.length() - 3) : last);
        }
        return sb.length() == 0 ? "?" : sb.toString();
    }
}
