package io.studycollab.realtime.qa.swarm;

import io.socket.thread.EventThread;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.client.netty.NettyWebSockets;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import okhttp3.OkHttpClient;

/**
 * N virtual users: real Socket.IO connections through realtime-core's client, joining their group
 * and acting out a {@link SwarmBehaviour}. What scales is shared: one event hub, one OkHttp client
 * (its per-host limit raised, for users on polling), one set of non-blocking websocket threads
 * ({@link NettyWebSockets}) and one {@link SwarmPacer} on the given clock for every user's pacing;
 * no user has a thread of its own. {@link #close()} stops everything the swarm started.
 */
public final class Swarm implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(10);
    private static final Duration SWARM_CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** The protocol's cursor limit (30/s per socket): the client's own throttle never goes past it. */
    private static final Duration FASTEST_CURSOR = Duration.ofNanos(1_000_000_000L / 30 + 1);

    private final Clock clock;
    private final SwarmShape shape;
    private final EventHub hub = new EventHub("swarm-hub");
    private final OkHttpClient http = RealtimeClient.newHttpClient();
    private final NettyWebSockets webSockets;
    private final List<SwarmUser> users = new CopyOnWriteArrayList<>();
    private final Map<String, SwarmUser> byUserId = new ConcurrentHashMap<>();
    private final SwarmTraffic traffic = new SwarmTraffic(byUserId);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong cursorsSent = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();

    private final SwarmPacer pacer;
    private int total;
    private ConnectRamp ramp;

    private Swarm(Clock clock, SwarmShape shape) {
        this.clock = clock;
        this.shape = shape;
        // 0 threads: OkHttp's own websockets, a reader and a writer thread per user (to compare).
        this.webSockets = shape.webSocketThreads() == 0
                ? null
                : new NettyWebSockets(shape.webSocketThreads(), Duration.ofSeconds(10));
        this.pacer = new SwarmPacer(clock, TICK, this::tick);
        hub.subscribe(traffic::count);
    }

    /**
     * Starts {@code count} users, user {@code i} against {@code urls.apply(i)} (some through a fault
     * proxy, say) with {@code tokens.apply(i)}, laid out by {@code shape} (groups of a given size, a
     * connect ramp; {@link SwarmShape#defaults()}: everyone in one group, 500 connects a second).
     *
     * @param clientOptions options for every user (its HTTP client and websockets are replaced by the swarm's shared ones)
     */
    public static Swarm start(
            IntFunction<String> urls,
            int count,
            IntFunction<AccessToken> tokens,
            String group,
            SwarmBehaviour behaviour,
            double cursorRate,
            Clock clock,
            ClientOptions clientOptions,
            SwarmShape shape) {
        Swarm swarm = new Swarm(clock, shape);
        swarm.total = count;
        // The swarm paces cursors itself; the client's throttle only keeps within the protocol's limit.
        ClientOptions options = clientOptions
                .withHttpClient(swarm.http)
                .withWebSocketFactory(swarm.webSockets)
                .withCursorInterval(FASTEST_CURSOR)
                // Thousands of handshakes queue behind each other on one event thread: 10 s timed
                // out users still queued, whose retries then queued more (none connected at 400).
                .withConnectTimeout(
                        SWARM_CONNECT_TIMEOUT.compareTo(clientOptions.connectTimeout()) > 0
                                ? SWARM_CONNECT_TIMEOUT
                                : clientOptions.connectTimeout());
        long intervalMs = cursorRate > 0 ? Math.round(1000 / cursorRate) : 50;
        for (int i = 0; i < count; i++) {
            RealtimeClient client = new RealtimeClient(swarm.hub, clock, options);
            long phase = intervalMs * i / Math.max(1, count);
            swarm.users.add(new SwarmUser(
                    i, client, shape.groupOf(group, i), behaviour, cursorRate, phase, swarm.new Counts()));
        }
        swarm.ramp = new ConnectRamp(swarm.users, urls, tokens, shape.connectsPerSecond(), clock);
        swarm.ramp.start();
        swarm.pacer.start();
        return swarm;
    }

    /** The counters users report to. */
    private final class Counts implements SwarmUser.Tally {
        @Override
        public void sent(int events) {
            sent.addAndGet(events);
        }

        @Override
        public void cursorSent(SwarmUser user, double x, double y) {
            user.sends.sent(x, y, clock.monoNanos());
            sent.incrementAndGet();
            cursorsSent.incrementAndGet();
            expected.addAndGet(shape.membersWith(user.index, total) - 1);
        }
    }

    private void tick(long nowMs) {
        for (SwarmUser u : users) {
            u.tick(nowMs);
            if (u.everConnected) {
                String id = u.client.snapshot().userId();
                if (id != null) {
                    byUserId.putIfAbsent(id, u);
                }
            }
        }
    }

    /** The client of user {@code index} (0-based), e.g. to keep it on a refreshed token. */
    public RealtimeClient client(int index) {
        return users.get(index).client;
    }

    public SwarmStats stats() {
        int connected = 0;
        int failed = 0;
        for (SwarmUser u : users) {
            ConnectionState s = u.client.state();
            if (s == ConnectionState.CONNECTED) {
                connected++;
            } else if (!u.everConnected
                    && (s == ConnectionState.FAILED || u.client.snapshot().errorCode() != null)) {
                failed++;
            }
        }
        return new SwarmStats(
                users.size(),
                connected,
                failed,
                sent.get(),
                traffic.received(),
                traffic.errors(),
                traffic.rttPercentile(50),
                traffic.rttPercentile(95),
                traffic.rttPercentile(99));
    }

    /** Cursor delivery so far, and whether the swarm's own side kept up. */
    public SwarmDelivery delivery() {
        return new SwarmDelivery(
                cursorsSent.get(),
                expected.get(),
                traffic.latency().samples(),
                traffic.latency().unmatched(),
                traffic.latency().percentileMs(50),
                traffic.latency().percentileMs(95),
                traffic.latency().percentileMs(99),
                traffic.latency().maxMs(),
                traffic.sendLag().percentileMs(99),
                hub.droppedCount(),
                pacer.lateTicks(),
                pacer.maxLateMs());
    }

    /** Starts the delivery figures afresh, e.g. once every user has joined and a warm-up has passed. */
    public void restartDelivery() {
        cursorsSent.set(0);
        expected.set(0);
        traffic.latency().reset();
        traffic.sendLag().reset();
    }

    /** Users whose cursor moves reached someone (time-matched at a receiver). */
    public long seenMoving() {
        return users.stream().filter(u -> u.sends.seen() > 0).count();
    }

    /** Users in their group now. */
    public long joined() {
        return users.stream()
                .filter(u -> u.joinedOnce && u.client.snapshot().groupId() != null)
                .count();
    }

    @Override
    public void close() {
        ramp.stop();
        pacer.close();
        // One pass on socket.io's event thread: each client's close would otherwise hop there and wait, one by one.
        CountDownLatch closed = new CountDownLatch(1);
        EventThread.exec(() -> {
            try {
                users.forEach(u -> u.client.close());
            } finally {
                closed.countDown();
            }
        });
        try {
            closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hub.close();
        if (webSockets != null) {
            webSockets.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
