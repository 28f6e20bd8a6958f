package io.studycollab.realtime.proxy.rules;

import io.studycollab.realtime.proxy.Flow;
import java.util.Locale;

/**
 * A headless rule: drop or delay the packets a {@link PacketMatch} selects.
 *
 * <p>Syntax (CLI {@code --drop SPEC} / {@code --delay SPEC}): {@code GLOB[,dir=up|down][,user=ID][,payload=TEXT]}
 * for a drop, {@code GLOB=MS[,…]} for a delay, e.g. {@code --drop 'user:cursor:updated,dir=down,user=u2'}
 * or {@code --delay 'tool:change=250'}. Event names never contain commas, so the first comma ends the glob.
 */
public record Rule(Action action, long delayMillis, PacketMatch match) {

    public enum Action {
        DROP,
        DELAY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Rule {
        if (action == Action.DELAY && (delayMillis <= 0 || delayMillis > 600_000)) {
            throw new IllegalArgumentException("a delay must be 1 to 600000 ms, not " + delayMillis);
        }
    }

    public static Rule drop(PacketMatch match) {
        return new Rule(Action.DROP, 0, match);
    }

    public static Rule delay(PacketMatch match, long millis) {
        return new Rule(Action.DELAY, millis, match);
    }

    /** Parses a {@code --drop} spec; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Rule parseDrop(String spec) {
        String[] parts = split(spec);
        return drop(qualify(PacketMatch.name(parts[0]), parts));
    }

    /** Parses a {@code --delay} spec ({@code GLOB=MS[,…]}). */
    public static Rule parseDelay(String spec) {
        String[] parts = split(spec);
        int eq = parts[0].lastIndexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("a delay is GLOB=MS, e.g. 'tool:change=250': " + spec);
        }
        long ms;
        try {
            ms = Long.parseLong(parts[0].substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("delay milliseconds must be a whole number: " + spec);
        }
        return delay(qualify(PacketMatch.name(parts[0].substring(0, eq)), parts), ms);
    }

    private static String[] split(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty rule");
        }
        return spec.split(",", -1);
    }

    private static PacketMatch qualify(PacketMatch m, String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value after the name, got '" + p + "'");
            }
            String key = p.substring(0, eq).trim();
            String value = p.substring(eq + 1);
            switch (key) {
                case "dir" -> m = m.withFlow(Flow.parse(value.trim()));
                case "user" -> m = m.withUser(value.trim());
                case "payload" -> m = m.withPayload(value);
                default -> throw new IllegalArgumentException("unknown rule key '" + key + "' (dir, user, payload)");
            }
        }
        return m;
    }

    /** The same rule limited to a direction and user where it names none itself (the CLI's --only-*). */
    public Rule limitedTo(Flow flow, String user) {
        PacketMatch m = match;
        if (flow != null && m.flow() == null) {
            m = m.withFlow(flow);
        }
        if (user != null && m.user() == null) {
            m = m.withUser(user);
        }
        return new Rule(action, delayMillis, m);
    }

    @Override
    public String toString() {
        return action.label() + " " + match + (action == Action.DELAY ? " by " + delayMillis + " ms" : "");
    }
}
