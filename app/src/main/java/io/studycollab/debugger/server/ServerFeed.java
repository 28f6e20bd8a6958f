package io.studycollab.debugger.server;

import io.studycollab.realtime.admin.AdminRoom;
import io.studycollab.realtime.admin.AdminServer;
import io.studycollab.realtime.admin.AdminSnapshot;
import io.studycollab.realtime.admin.AdminSocket;
import io.studycollab.realtime.admin.crosscheck.Divergence;
import io.studycollab.realtime.admin.crosscheck.SameServer;
import io.studycollab.realtime.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The server's view as readings for the FX thread, made on a thread of its own. A snapshot of 20,000
 * sockets, its filter and its sort take tens of milliseconds: more than a frame. The FX thread only
 * reads the latest reading (a volatile) and asks for the next one, in the manner of the window's
 * {@code LiveFeed}. A new snapshot is taken only when the admin model changed since the last one or
 * the query did; the cross-check runs at most once a second, since it also depends on time (its
 * grace period, stale lastSeen). Owns its thread.
 */
public final class ServerFeed implements AutoCloseable {

    private static final long CHECK_EVERY_MILLIS = 1_000;

    private final Clock clock;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicLong changes = new AtomicLong();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "server-feed");
        t.setDaemon(true);
        return t;
    });
    private volatile Supplier<AdminSnapshot> source;
    private volatile DivergenceWatch watch;
    private volatile ServerReading latest = ServerReading.EMPTY;
    private volatile String adminUrl;
    private volatile String clientUrl;
    // Confined to the reader thread.
    private long seenChanges = -1;
    private Supplier<AdminSnapshot> seenSource;
    private AdminSnapshot snapshot = ServerReading.EMPTY.snapshot();
    private long version;
    private long lastCheck = Long.MIN_VALUE;

    public ServerFeed(Clock clock) {
        this.clock = clock;
    }

    /** Reads snapshots from {@code snapshots} from now on (null: nothing, the tab is disconnected). */
    public void setSource(Supplier<AdminSnapshot> snapshots) {
        source = snapshots;
        changed();
    }

    /** Cross-checks every snapshot against our presence with {@code w} (null: no cross-check). */
    void setWatch(DivergenceWatch w) {
        watch = w;
    }

    /**
     * Where the admin namespace and our client are connected (null: not connected): the cross-check
     * runs only when they are the same server ({@link SameServer}). Any thread.
     */
    void compare(String admin, String client) {
        adminUrl = admin;
        clientUrl = client;
    }

    /** The model changed; the next reading takes a new snapshot. Any thread, never blocks. */
    public void changed() {
        changes.incrementAndGet();
    }

    /** The latest reading, without waiting; asks for a fresher one for {@code query} unless one is being made. */
    public ServerReading poll(ServerQuery query) {
        if (requested.compareAndSet(false, true) && !reader.isShutdown()) {
            try {
                reader.execute(() -> {
                    try {
                        read(query);
                    } finally {
                        requested.set(false);
                    }
                });
            } catch (RejectedExecutionException closing) {
                requested.set(false);
            }
        }
        return latest;
    }

    private void read(ServerQuery query) {
        Supplier<AdminSnapshot> src = source;
        long n = changes.get();
        boolean fresh = n != seenChanges || src != seenSource;
        if (fresh) {
            seenChanges = n;
            seenSource = src;
            snapshot = src == null ? ServerReading.EMPTY.snapshot() : src.get();
        }
        ServerReading last = latest;
        long now = clock.wallMillis();
        List<Divergence> divergences = last.divergences();
        DivergenceWatch w = watch;
        SameServer.Verdict target = SameServer.of(src == null ? null : adminUrl, clientUrl);
        boolean checked = false;
        if (w != null
                && (fresh
                        || now - lastCheck >= CHECK_EVERY_MILLIS
                        || !target.why().equals(last.crossCheck()))) {
            // Against another server (or none) every member would look like a divergence: nothing is
            // compared, and what was open is resolved.
            divergences = target.compared() ? w.check(snapshot) : w.clear();
            lastCheck = now;
            checked = true;
        }
        String crossCheck = w == null ? "" : target.why();
        if (!fresh
                && query.equals(last.query())
                && crossCheck.equals(last.crossCheck())
                && (!checked || divergences.equals(last.divergences()))) {
            return; // nothing a table would show differently
        }
        List<AdminSocket> sockets = new ArrayList<>();
        for (AdminSocket s : snapshot.sockets()) {
            if (query.shows(s)) {
                sockets.add(s);
            }
        }
        sockets.sort(query.socketOrder());
        keepUnchanged(sockets, last.sockets(), s -> s.namespace() + '\0' + s.id());
        List<AdminRoom> rooms = new ArrayList<>();
        for (AdminRoom r : snapshot.rooms()) {
            if (query.shows(r)) {
                rooms.add(r);
            }
        }
        rooms.sort(query.roomOrder());
        keepUnchanged(rooms, last.rooms(), r -> r.namespace() + '\0' + r.name());
        List<ServerReading.NamespaceRow> namespaces = new ArrayList<>();
        for (AdminServer s : snapshot.servers()) {
            for (AdminServer.NamespaceCount c : s.namespaces()) {
                namespaces.add(new ServerReading.NamespaceRow(s.serverId(), c.name(), c.socketsCount()));
            }
        }
        latest = new ServerReading(
                ++version,
                snapshot,
                query,
                List.copyOf(sockets),
                List.copyOf(rooms),
                List.copyOf(namespaces),
                List.copyOf(divergences),
                crossCheck);
    }

    /**
     * Puts the previous reading's instance of each row that did not change in place of its equal copy
     * (every snapshot makes new ones): the FX side then tells an unchanged row by identity, and merges
     * the reading in by touching only the rows that changed, without comparing 20,000 rows itself.
     */
    private static <T> void keepUnchanged(List<T> rows, List<T> previous, Function<T, String> key) {
        if (previous.isEmpty()) {
            return;
        }
        Map<String, T> before = new HashMap<>(previous.size() * 2);
        for (T p : previous) {
            before.put(key.apply(p), p);
        }
        for (ListIterator<T> it = rows.listIterator(); it.hasNext(); ) {
            T row = it.next();
            T was = before.get(key.apply(row));
            if (was != null && was.equals(row)) {
                it.set(was);
            }
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
