package io.studycollab.realtime.events;

import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which events to show: by name (glob such as {@code user:*}, or a regex), category, direction,
 * user, group, payload text, malformed-only and proxied connection. Immutable; the {@code with…} methods return a
 * changed copy. An empty criterion matches everything.
 */
public final class EventFilter implements Predicate<EventRecord> {

    private static final EventFilter ALL = new EventFilter(
            null, EnumSet.allOf(EventCategory.class), EnumSet.allOf(Direction.class), null, null, null, false, null);

    private final Pattern name;
    private final Set<EventCategory> categories;
    private final Set<Direction> directions;
    private final String user;
    private final String group;
    private final String text;
    private final boolean malformedOnly;
    private final String connection;
    private final boolean asciiText;
    private final AsciiSearch textSearch; // the lower-case text in ASCII, when it is ASCII

    private EventFilter(
            Pattern name,
            Set<EventCategory> categories,
            Set<Direction> directions,
            String user,
            String group,
            String text,
            boolean malformedOnly,
            String connection) {
        this.name = name;
        this.categories = categories;
        this.directions = directions;
        this.user = user;
        this.group = group;
        this.text = text;
        this.malformedOnly = malformedOnly;
        this.connection = connection;
        this.asciiText = text != null && text.chars().allMatch(c -> c < 128);
        this.textSearch = asciiText ? new AsciiSearch(text.getBytes(StandardCharsets.US_ASCII)) : null;
    }

    public static EventFilter all() {
        return ALL;
    }

    /** A glob: {@code *} any run of characters, {@code ?} one character; case-sensitive, whole name. */
    public EventFilter withNameGlob(String glob) {
        if (glob == null || glob.isBlank()) {
            return withName(null);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : glob.trim().toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return withName(Pattern.compile(regex.toString()));
    }

    /** A regular expression found anywhere in the name. Throws {@link IllegalArgumentException} for a bad one. */
    public EventFilter withNameRegex(String regex) {
        if (regex == null || regex.isBlank()) {
            return withName(null);
        }
        try {
            Pattern p = Pattern.compile(regex);
            return new EventFilter(
                    Pattern.compile(".*(?:" + p.pattern() + ").*"),
                    categories,
                    directions,
                    user,
                    group,
                    text,
                    malformedOnly,
                    connection);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regular expression: " + e.getDescription(), e);
        }
    }

    private EventFilter withName(Pattern p) {
        return new EventFilter(p, categories, directions, user, group, text, malformedOnly, connection);
    }

    public EventFilter withCategories(Set<EventCategory> set) {
        return new EventFilter(
                name,
                set.isEmpty() ? EnumSet.allOf(EventCategory.class) : EnumSet.copyOf(set),
                directions,
                user,
                group,
                text,
                malformedOnly,
                connection);
    }

    public EventFilter withDirections(Set<Direction> set) {
        return new EventFilter(
                name,
                categories,
                set.isEmpty() ? EnumSet.allOf(Direction.class) : EnumSet.copyOf(set),
                user,
                group,
                text,
                malformedOnly,
                connection);
    }

    public EventFilter withUser(String userId) {
        return new EventFilter(
                name, categories, directions, blankToNull(userId), group, text, malformedOnly, connection);
    }

    public EventFilter withGroup(String groupId) {
        return new EventFilter(
                name, categories, directions, user, blankToNull(groupId), text, malformedOnly, connection);
    }

    /** Case-insensitive text searched in the event name and the serialized payload. */
    public EventFilter withText(String needle) {
        String t = blankToNull(needle);
        return new EventFilter(
                name,
                categories,
                directions,
                user,
                group,
                t == null ? null : t.toLowerCase(Locale.ROOT),
                malformedOnly,
                connection);
    }

    public EventFilter withMalformedOnly(boolean only) {
        return new EventFilter(name, categories, directions, user, group, text, only, connection);
    }

    /** Only the records of one proxied connection ({@code c1}, {@code c2}, …); null or blank for all. */
    public EventFilter withConnection(String conn) {
        return new EventFilter(name, categories, directions, user, group, text, malformedOnly, blankToNull(conn));
    }

    @Override
    public boolean test(EventRecord r) {
        if (!matchesFields(r.name(), r.category(), r.direction(), r.userId(), r.groupId(), r.malformed(), r.packet())) {
            return false;
        }
        if (text != null) {
            if (r.name().toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
            String payload = r.payload() == null ? "" : ProtocolCodec.write(r.payload());
            return payload.toLowerCase(Locale.ROOT).contains(text);
        }
        return true;
    }

    /**
     * Every criterion but the text, on a record's fields (the history tests its columns without
     * building records); a null {@code eventName} skips the name, already checked by {@link NameMatches}.
     */
    boolean matchesFields(
            String eventName,
            EventCategory category,
            Direction direction,
            String userId,
            String groupId,
            boolean bad,
            PacketInfo packet) {
        if (malformedOnly && !bad) {
            return false;
        }
        if (connection != null && (packet == null || !connection.equals(packet.connection()))) {
            return false;
        }
        if (!categories.contains(category) || !directions.contains(direction)) {
            return false;
        }
        if (eventName != null && !matchesName(eventName)) {
            return false;
        }
        if (user != null && !user.equals(userId)) {
            return false;
        }
        return group == null || group.equals(groupId);
    }

    /** The name criterion alone (true when there is none). */
    boolean matchesName(String eventName) {
        return name == null || name.matcher(eventName).matches();
    }

    boolean hasText() {
        return text != null;
    }

    /** The text criterion on an event name alone (the history asks once per pooled name, {@link NameMatches}). */
    boolean textInName(String eventName) {
        return eventName.toLowerCase(Locale.ROOT).contains(text);
    }

    /** The text criterion on a payload's JSON in UTF-8, searched as bytes when the text is ASCII. */
    boolean textInPayload(byte[] json) {
        if (!asciiText) {
            return new String(json, StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT)
                    .contains(text);
        }
        return textSearch.foundIn(json);
    }

    /** True when it lets everything through. */
    public boolean isEmpty() {
        return name == null
                && connection == null
                && user == null
                && group == null
                && text == null
                && !malformedOnly
                && categories.size() == EventCategory.values().length
                && directions.size() == Direction.values().length;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
