package io.studycollab.realtime.qa.swarm;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import okhttp3.OkHttpClient;

/**
 * N virtual users: real Socket.IO connections through realtime-core's client, joining one group
 * and acting out a {@link SwarmBehaviour}. One hub, one HTTP client and the given clock serve
 * them all; {@link #close()} stops everything the swarm started.
 */
public final class Swarm implements AutoCloseable {

    private static final long TICK_MS = 50;
    private static final List<String> TOOLS = List.of("select", "pen", "highlighter", "eraser", "text", "shape");

    private final Clock clock;
    private final String group;
    private final SwarmBehaviour behaviour;
    private final double cursorRate;
    private final EventHub hub = new EventHub("swarm-hub");
    private final OkHttpClient http = RealtimeClient.newHttpClient();
    private final List<User> users = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<Double> rtts = new ArrayList<>();
    private volatile boolean closed;
    private volatile Clock.Cancellable timer;

    private final class User {
        final int index;
        final RealtimeClient client;
        final Random random;
        boolean joined;
        java.util.concurrent.CompletableFuture<?> joining;
        boolean everConnected;
        double t;
        long elapsedMs;
        long nextCursorMs;
        long nextToolMs;
        long nextCustomMs;
        long nextChurnMs;
        long burstUntilMs;

        User(int index, RealtimeClient client) {
            this.index = index;
            this.client = client;
            this.random = new Random(7919L * index + 17);
            nextToolMs = 3_000 + random.nextInt(7_000);
            nextCustomMs = 5_000 + random.nextInt(10_000);
            nextChurnMs = 4_000 + random.nextInt(6_000);
        }

        void tick() {
            if (client.state() != ConnectionState.CONNECTED) {
                return;
            }
            everConnected = true;
            // (Re)join until the server says we are in: a refused or lost join is tried again.
            if (client.snapshot().groupId() == null) {
                if (joining == null || joining.isDone()) {
                    joined = true;
                    joining = client.joinGroup(group);
                }
                return;
            }
            elapsedMs += TICK_MS;
            switch (behaviour) {
                case IDLE -> {}
                case WANDER -> wander();
                case BURST -> burst();
                case CHURN -> {
                    wander();
                    if (elapsedMs >= nextChurnMs) {
                        nextChurnMs = elapsedMs + 4_000 + random.nextInt(6_000);
                        client.leaveGroup().thenRun(() -> client.joinGroup(group));
                        sent.addAndGet(2);
                    }
                }
            }
        }

        private void wander() {
            if (cursorRate > 0 && elapsedMs >= nextCursorMs) {
                nextCursorMs = elapsedMs + Math.round(1000 / cursorRate);
                t += 0.05;
                client.updateCursor(
                        500 + 380 * Math.sin(t * (1 + index % 3) + index), 300 + 220 * Math.sin(t * (2 + index % 2)));
                sent.incrementAndGet();
            }
            if (elapsedMs >= nextToolMs) {
                nextToolMs = elapsedMs + 6_000 + random.nextInt(8_000);
                client.changeTool(TOOLS.get(random.nextInt(TOOLS.size())));
                sent.incrementAndGet();
            }
            if (elapsedMs >= nextCustomMs) {
                nextCustomMs = elapsedMs + 10_000 + random.nextInt(10_000);
                client.emit("swarm:note", ProtocolCodec.object().put("user", index), true);
                sent.incrementAndGet();
            }
        }

        private void burst() {
            if (elapsedMs >= burstUntilMs && random.nextInt(100) == 0) {
                burstUntilMs = elapsedMs + 1_000;
            }
            if (elapsedMs < burstUntilMs) {
                client.updateCursor(random.nextInt(1000), random.nextInt(600));
                if (random.nextInt(4) == 0) {
                    client.emit("swarm:burst", ProtocolCodec.object().put("user", index), true);
                    sent.incrementAndGet();
                }
                sent.incrementAndGet();
            }
        }
    }

    private Swarm(Clock clock, String group, SwarmBehaviour behaviour, double cursorRate) {
        this.clock = clock;
        this.group = group;
        this.behaviour = behaviour;
        this.cursorRate = cursorRate;
        hub.subscribe(this::count);
    }

    /**
     * Starts {@code count} users against {@code url}, each with {@code tokens.apply(i)}.
     *
     * @param clientOptions options for every user (its HTTP client is replaced by the swarm's shared one)
     */
    public static Swarm start(
            String url,
            int count,
            IntFunction<AccessToken> tokens,
            String group,
            SwarmBehaviour behaviour,
            double cursorRate,
            Clock clock,
            ClientOptions clientOptions) {
        return start(i -> url, count, tokens, group, behaviour, cursorRate, clock, clientOptions);
    }

    /** As {@link #start(String, int, IntFunction, String, SwarmBehaviour, double, Clock, ClientOptions)}, each user to its own URL (e.g. some through a fault proxy). */
    public static Swarm start(
            IntFunction<String> urls,
            int count,
            IntFunction<AccessToken> tokens,
            String group,
            SwarmBehaviour behaviour,
            double cursorRate,
            Clock clock,
            ClientOptions clientOptions) {
        Swarm swarm = new Swarm(clock, group, behaviour, cursorRate);
        ClientOptions options = clientOptions.withHttpClient(swarm.http);
        for (int i = 0; i < count; i++) {
            RealtimeClient client = new RealtimeClient(swarm.hub, clock, options);
            swarm.users.add(swarm.new User(i, client));
            client.connect(urls.apply(i), tokens.apply(i));
        }
        swarm.schedule();
        return swarm;
    }

    private void schedule() {
        if (closed) {
            return;
        }
        timer = clock.schedule(Duration.ofMillis(TICK_MS), () -> {
            for (User u : users) {
                u.tick();
            }
            schedule();
        });
    }

    private void count(List<EventRecord> batch) {
        for (EventRecord r : batch) {
            if (r.direction() == Direction.IN) {
                received.incrementAndGet();
                if (EventNames.CONNECTION_ERROR.equals(r.name()) && r.payload() != null) {
                    errors.computeIfAbsent(r.payload().path("code").asText("?"), k -> new AtomicLong())
                            .incrementAndGet();
                }
            } else if (r.direction() == Direction.LOCAL) {
                if (EventNames.CLIENT_CONNECT_ERROR.equals(r.name())) {
                    String code = r.payload().path("code").isNull()
                            ? "CONNECT_ERROR"
                            : r.payload().path("code").asText("CONNECT_ERROR");
                    errors.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
                } else if (EventNames.CLIENT_ACK.equals(r.name())) {
                    synchronized (rtts) {
                        rtts.add(r.payload().path("rttMs").asDouble());
                    }
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
        for (User u : users) {
            ConnectionState s = u.client.state();
            if (s == ConnectionState.CONNECTED) {
                connected++;
            } else if (!u.everConnected
                    && (s == ConnectionState.FAILED || u.client.snapshot().errorCode() != null)) {
                failed++;
            }
        }
        double[] sorted;
        synchronized (rtts) {
            sorted = rtts.stream().mapToDouble(Double::doubleValue).toArray();
        }
        Arrays.sort(sorted);
        Map<String, Long> errs = new TreeMap<>();
        errors.forEach((k, v) -> errs.put(k, v.get()));
        return new SwarmStats(
                users.size(),
                connected,
                failed,
                sent.get(),
                received.get(),
                errs,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99));
    }

    /** Users that have joined the group at least once. */
    public long joined() {
        return users.stream()
                .filter(u -> u.joined && u.client.snapshot().groupId() != null)
                .count();
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p / 100 * sorted.length))];
    }

    @Override
    public void close() {
        closed = true;
        Clock.Cancellable t = timer;
        if (t != null) {
            t.cancel();
        }
        for (User u : users) {
            u.client.close();
        }
        hub.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
