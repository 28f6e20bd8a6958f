package io.studycollab.realtime.proxy.matrix;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Each member's view of the group, folded from its own down stream by the same
 * {@link io.studycollab.realtime.presence.PresenceTracker} the window uses, set against who really
 * is in the group (members with an open connection there, as the proxy sees them). A divergence
 * carries the moment the truth changed, so "bot-1's view has no bot-2 since 12:03:04" can be said.
 */
final class Beliefs {

    // group -> user -> when they entered / left the group as the proxy saw it
    private final Map<String, Map<String, Long>> entered = new HashMap<>();
    private final Map<String, Map<String, Long>> left = new HashMap<>();

    void fold(ConnState c, EventRecord r) {
        c.belief.applyQuietly(r);
    }

    void moved(ConnState c, String toGroup, long at) {
        if (c.group != null && c.userId != null) {
            left.computeIfAbsent(c.group, g -> new HashMap<>()).put(c.userId, at);
        }
        c.group = toGroup;
        if (toGroup != null && c.userId != null) {
            entered.computeIfAbsent(toGroup, g -> new HashMap<>()).put(c.userId, at);
        }
    }

    List<MatrixView.Belief> view(Collection<ConnState> conns) {
        Map<String, TreeSet<String>> truth = new HashMap<>();
        for (ConnState c : conns) {
            if (c.open && c.group != null && c.userId != null) {
                truth.computeIfAbsent(c.group, g -> new TreeSet<>()).add(c.userId);
            }
        }
        List<MatrixView.Belief> out = new ArrayList<>();
        for (ConnState c : conns) {
            if (!c.open || c.group == null) {
                continue;
            }
            PresenceSnapshot s = c.belief.publishNow();
            TreeSet<String> sees = new TreeSet<>();
            for (Member m : s.members()) {
                sees.add(m.userId());
            }
            TreeSet<String> real = truth.getOrDefault(c.group, new TreeSet<>());
            List<MatrixView.Divergence> div = new ArrayList<>();
            for (String u : real) {
                if (!sees.contains(u)) {
                    div.add(new MatrixView.Divergence("MISSING", u, since(entered, c.group, u)));
                }
            }
            for (String u : sees) {
                if (!real.contains(u)) {
                    div.add(new MatrixView.Divergence("GHOST", u, since(left, c.group, u)));
                }
            }
            out.add(new MatrixView.Belief(c.id, c.userId, c.group, List.copyOf(sees), div));
        }
        return out;
    }

    private static long since(Map<String, Map<String, Long>> times, String group, String user) {
        return times.getOrDefault(group, Map.of()).getOrDefault(user, 0L);
    }
}
