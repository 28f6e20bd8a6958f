package io.studycollab.realtime.proxy.rules;

import io.studycollab.realtime.proxy.PacketView;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The headless rules in force; the first rule that matches a packet decides it. Thread-safe. */
public final class RuleSet {

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    public RuleSet add(Rule rule) {
        rules.add(rule);
        return this;
    }

    public void remove(Rule rule) {
        rules.remove(rule);
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** True when no rule is in force (the proxy then relays without looking at packets first). */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The first rule matching {@code v}, or null. */
    public Rule match(PacketView v) {
        for (Rule r : rules) {
            if (r.match().matches(v)) {
                return r;
            }
        }
        return null;
    }
}
