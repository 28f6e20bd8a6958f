package io.studycollab.realtime.admin.crosscheck;

import io.studycollab.realtime.admin.AdminSnapshot;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.presence.PresenceSnapshot;
import io.studycollab.realtime.presence.PresenceTracker;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the server's truth (an admin snapshot) with what a client believes (its folded presence)
 * for the client's group, and remembers when each divergence started so a view can say "ghost for
 * 12 s". Stateful: call {@link #check} again and again; each call reports what opened and what was
 * resolved since the last one. Not thread-safe: one owner calls it.
 *
 * <p>A user counts as in the room when one of their sockets is. A socket "announced" itself when the
 * server's own data puts it in the group ({@code data.groupId}); servers that keep no such data are
 * taken at their word. A divergence is reported once it has lasted {@code graceMillis}: server and
 * client learn of a join or leave by different messages, and the later one may still be on its way.
 */
public final class CrossCheck {

    /** Twice the protocol's liveness window: the server should have marked them inactive long ago. */
    public static final long DEFAULT_STALE_MILLIS = 2 * PresenceTracker.INACTIVITY_MILLIS;

    public static final long DEFAULT_GRACE_MILLIS = 2_000;

    private final String namespace;
    private final long graceMillis;
    private final long staleMillis;
    private final Map<String, Long> firstSeen = new HashMap<>();
    private Map<String, Divergence> current = new LinkedHashMap<>();

    public CrossCheck(String namespace, long graceMillis, long staleMillis) {
        this.namespace = namespace;
        this.graceMillis = graceMillis;
        this.staleMillis = staleMillis;
    }

    public CrossCheck() {
        this("/", DEFAULT_GRACE_MILLIS, DEFAULT_STALE_MILLIS);
    }

    /** What differs now, what started differing and what stopped, at {@code nowMillis}. */
    public record Result(List<Divergence> current, List<Divergence> opened, List<Divergence> resolved) {}

    public Result check(AdminSnapshot server, PresenceSnapshot client, long nowMillis) {
        String group = client.groupId();
        List<Divergence> raw =
                group != null && server.socketsKnown() ? compare(server, client, group, nowMillis) : List.of();
        Map<String, Divergence> found = new LinkedHashMap<>();
        Set<String> rawKeys = new HashSet<>();
        for (Divergence d : raw) {
            String key = d.key();
            rawKeys.add(key);
            long since = firstSeen.computeIfAbsent(key, k -> nowMillis);
            if (nowMillis - since < graceMillis) {
                continue; // the event that settles it (user:joined, user:left, a data update) may be on its way
            }
            found.put(key, d.since(since));
        }
        firstSeen.keySet().retainAll(rawKeys);
        List<Divergence> opened = new ArrayList<>();
        for (Map.Entry<String, Divergence> e : found.entrySet()) {
            if (!current.containsKey(e.getKey())) {
                opened.add(e.getValue());
            }
        }
        List<Divergence> resolved = new ArrayList<>();
        for (Map.Entry<String, Divergence> e : current.entrySet()) {
            if (!found.containsKey(e.getKey())) {
                resolved.add(e.getValue());
            }
        }
        current = found;
        return new Result(List.copyOf(found.values()), opened, resolved);
    }

    private List<Divergence> compare(AdminSnapshot server, PresenceSnapshot client, String group, long now) {
        List<Divergence> out = new ArrayList<>();
        Map<String, List<AdminSocket>> announcedByUser = new TreeMap<>();
        for (AdminSocket s : server.members(namespace, group)) {
            boolean keepsData = s.data() != null && s.data().has("user");
            boolean announced = s.userId() != null && (!keepsData || group.equals(s.groupId()));
            if (!announced) {
                out.add(new Divergence(
                        Divergence.Kind.SOCKET_WITHOUT_PRESENCE,
                        group,
                        s.userId(),
                        List.of(s.id()),
                        now,
                        "socket " + s.id() + (s.userId() == null ? " (unknown user)" : " of " + s.userId())
                                + " is in room " + group + " but never joined the group"));
                continue;
            }
            announcedByUser.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s);
        }
        Map<String, Boolean> inRoom = new HashMap<>();
        for (AdminSocket s : server.members(namespace, group)) {
            if (s.userId() != null) {
                inRoom.put(s.userId(), true);
            }
        }
        for (Member m : client.members()) {
            if (!inRoom.containsKey(m.userId())) {
                out.add(new Divergence(
                        Divergence.Kind.GHOST,
                        group,
                        m.userId(),
                        List.of(),
                        now,
                        (m.displayName() == null ? m.userId() : m.displayName())
                                + " is shown but the server has no socket of theirs in " + group));
            } else if (m.active() && lastSeenMillis(m) >= 0 && now - lastSeenMillis(m) >= staleMillis) {
                out.add(new Divergence(
                        Divergence.Kind.STALE_LAST_SEEN,
                        group,
                        m.userId(),
                        List.of(),
                        now,
                        "shown active, last seen " + m.lastSeen() + " (" + (now - lastSeenMillis(m)) / 1000
                                + " s ago), still connected on the server"));
            }
        }
        announcedByUser.forEach((user, sockets) -> {
            List<String> ids = sockets.stream().map(AdminSocket::id).toList();
            if (client.member(user) == null) {
                out.add(new Divergence(
                        Divergence.Kind.MISSING_MEMBER,
                        group,
                        user,
                        ids,
                        now,
                        user + " is in " + group + " on the server (" + ids.size() + " socket"
                                + (ids.size() == 1 ? "" : "s") + ") but not shown"));
            }
            if (sockets.size() > 1) {
                out.add(new Divergence(
                        Divergence.Kind.MULTIPLE_SOCKETS,
                        group,
                        user,
                        ids,
                        now,
                        user + " has " + ids.size() + " sockets in " + group));
            }
        });
        return out;
    }

    private static long lastSeenMillis(Member m) {
        if (m.lastSeen() == null) {
            return -1;
        }
        try {
            return Instant.parse(m.lastSeen()).toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
