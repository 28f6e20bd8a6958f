package io.studycollab.realtime.bench;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.thread.EventThread;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHistory;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionWriter;
import io.studycollab.realtime.testing.TestTokens;
import io.studycollab.realtime.time.SystemClock;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest, measured side by side in one run (ratios, never timings in tests): {@link EngineIoFlooder}
 * writes N pre-encoded cursor events onto the Engine.IO websocket as fast as the socket takes
 * them, so the receiver is the bottleneck. A bare socket.io-client-java subscriber that only counts
 * them and our whole pipeline (client → decode/validate → hub → history + presence fold + session
 * file with redaction) receive them alternately, after a warm-up round each.
 *   PipelineBenchmark N ROUNDS OUTPUT.md
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {}

    private static String lastBareThreads = "";
    private static String lastOursThreads = "";

    /** Unmeasured rounds each: until then the JIT compiler was still one of the busiest threads. */
    private static final int WARM_UP = 3;

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path report = Path.of(args[2]);
        // A third argument "ours" runs only our pipeline (for a profiler), no report.
        boolean oursOnly = args.length > 3 && args[3].equals("ours");
        if (oursOnly) {
            try (EngineIoFlooder flooder = new EngineIoFlooder()) {
                for (int i = 0; i < rounds; i++) {
                    Round o = measure(flooder, n, () -> pipeline(flooder.url(), n));
                    System.out.printf(
                            "ours %,.0f/s %.2f µs/event (lost %d)%n", o.rate(), o.cpuMicrosPerEvent(), o.lost());
                }
            }
            System.exit(0);
        }
        List<Round> bare = new ArrayList<>();
        List<Round> ours = new ArrayList<>();
        try (EngineIoFlooder flooder = new EngineIoFlooder()) {
            String url = flooder.url();
            // Unmeasured rounds, so both are compiled before anything is counted.
            for (int i = 0; i < WARM_UP; i++) {
                measure(flooder, n, () -> bare(url, n));
                measure(flooder, n, () -> pipeline(url, n));
            }
            for (int round = 0; round < rounds; round++) {
                Round b = measure(flooder, n, () -> bare(url, n));
                Round o = measure(flooder, n, () -> pipeline(url, n));
                bare.add(b);
                ours.add(o);
                System.out.printf(
                        "round %d: bare %,.0f/s %.2f µs/event · ours %,.0f/s %.2f µs/event (lost %d)%n",
                        round + 1, b.rate(), b.cpuMicrosPerEvent(), o.rate(), o.cpuMicrosPerEvent(), o.lost());
            }
        }
        double bareRate = median(bare.stream().map(Round::rate).toList());
        double oursRate = median(ours.stream().map(Round::rate).toList());
        double bareCpu = median(bare.stream().map(Round::cpuMicrosPerEvent).toList());
        double oursCpu = median(ours.stream().map(Round::cpuMicrosPerEvent).toList());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String md = String.format(
                """
                ## Ingest: a flood that saturates the receiver → whole pipeline, next to a bare socket.io-client-java subscriber

                `bash bench/pipeline.sh %d %d`: %,d `user:cursor:updated` events per round, written by
                `EngineIoFlooder` (Netty, in the same JVM) as pre-encoded websocket frames as fast as the socket
                takes them; %d warm-up rounds each, then %d rounds each, alternating (Java %s, %d cores, load
                average %.1f while it ran). "Bare" is socket.io-client-java with one listener that counts; "ours" is
                `RealtimeClient` → decode and validate → `EventHub` → `EventHistory` (100,000) + `PresenceTracker`
                + `SessionWriter` (a real file, redaction on), counted when the last event has reached the hub's
                listeners. CPU per event is this JVM's CPU time from the flood request to the last event (all
                threads, user + system, GC and JIT included; connecting and closing are not counted) minus the
                flooder's thread CPU time, divided by the events received: CPU, not wall time, so other load on
                the machine does not enter it. Flooder busy is its thread CPU over the
                round's wall time: well under 100 %% means it was waiting for the receiver.

                | receiver | events/s (median) | rounds | CPU per event (median) | flooder busy (median) | lost |
                | --- | --- | --- | --- | --- | --- |
                | bare socket.io-client-java | %,.0f | %s | %.2f µs | %.0f %% | %d |
                | our pipeline | %,.0f | %s | %.2f µs | %.0f %% | %d |

                Ratio ours / bare: **%.2f×** events/s, **%.2f×** CPU per event (below 1 is less CPU).

                Where the CPU went in the last round, µs per event by thread (from /proc; socket.io's
                `EventThread` is missing when it had ended by the time it was read, as the library ends it
                whenever its queue runs dry; "OkHttp" is the websocket reader):
                - bare:%s
                - ours:%s
                """,
                n,
                rounds,
                n,
                WARM_UP,
                rounds,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                load,
                bareRate,
                fmt(bare),
                bareCpu,
                median(bare.stream().map(Round::flooderBusyPercent).toList()),
                bare.stream().mapToLong(Round::lost).sum(),
                oursRate,
                fmt(ours),
                oursCpu,
                median(ours.stream().map(Round::flooderBusyPercent).toList()),
                ours.stream().mapToLong(Round::lost).sum(),
                oursRate / bareRate,
                oursCpu / bareCpu,
                lastBareThreads,
                lastOursThreads);
        Files.writeString(report, md);
        System.out.print(md);
        // socket.io-client-java's default OkHttp dispatcher (the bare client's) idles 60 s before exiting.
        System.exit(0);
    }

    /** One receiver's round: its rate, events lost, and the CPU both ends spent on it while it ran. */
    private record Round(double rate, long lost, long received, long cpuNanos, long flooderNanos, long wallNanos) {
        double cpuMicrosPerEvent() {
            return cpuNanos / 1e3 / Math.max(1, received);
        }

        double flooderBusyPercent() {
            return 100.0 * flooderNanos / wallNanos;
        }
    }

    /**
     * What a receiver saw: events received, events it reported lost, seconds from request to the
     * last, and this JVM's CPU time over the same span (connecting and closing are not counted).
     */
    private record Received(long events, long lost, double seconds, long cpuNanos) {}

    private interface Receiver {
        Received run() throws Exception;
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static long cpuNow() {
        return OS.getProcessCpuTime();
    }

    /**
     * CPU time of every live thread by name (digits folded), GC and JIT threads included, from
     * /proc on Linux (clock ticks of 10 ms), to see which stage is the bottleneck.
     */
    static Map<String, Long> threadCpu() {
        Map<String, Long> m = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).trim();
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    m.merge(comm.replaceAll("\\d+", "N"), ticks * 10_000_000L, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return m;
        }
        return m;
    }

    static String threadCpuDelta(Map<String, Long> before, Map<String, Long> after, long events) {
        StringBuilder sb = new StringBuilder();
        after.forEach((k, v) -> {
            double us = (v - before.getOrDefault(k, 0L)) / 1e3 / Math.max(1, events);
            if (us >= 0.05) {
                sb.append(String.format(" %s=%.2f", k, us));
            }
        });
        return sb.toString();
    }

    private static Round measure(EngineIoFlooder flooder, int n, Receiver receiver) throws Exception {
        long flood0 = flooder.cpuNanos();
        Received r = receiver.run();
        long flood = flooder.cpuNanos() - flood0;
        // The last round's leftovers (closing, the library's timers) are done before the next starts.
        CountDownLatch idle = new CountDownLatch(1);
        EventThread.exec(idle::countDown);
        idle.await(30, TimeUnit.SECONDS);
        System.gc();
        Thread.sleep(200);
        return new Round(r.events() / r.seconds(), r.lost(), r.events(), r.cpuNanos() - flood, flood, (long)
                (r.seconds() * 1e9));
    }

    private static String fmt(List<Round> xs) {
        return String.join(
                ", ", xs.stream().map(x -> String.format("%,.0f", x.rate())).toList());
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static Received bare(String url, int n) throws Exception {
        IO.Options o = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(new String[] {"websocket"})
                .setAuth(Map.of())
                .build();
        Socket s = IO.socket(URI.create(url), o);
        AtomicLong got = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch connected = new CountDownLatch(1);
        s.on(EngineIoFlooder.EVENT, a -> {
            if (got.incrementAndGet() == n) {
                done.countDown();
            }
        });
        s.on(Socket.EVENT_CONNECT, a -> connected.countDown());
        s.connect();
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("bare client did not connect");
        }
        var threads0 = threadCpu();
        long cpu0 = cpuNow();
        long start = System.nanoTime();
        s.emit("hostile:flood", n);
        boolean ok = done.await(300, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = cpuNow() - cpu0;
        lastBareThreads = threadCpuDelta(threads0, threadCpu(), got.get());
        System.out.println("  bare threads µs/event:" + lastBareThreads);
        s.off();
        s.disconnect();
        return new Received(got.get(), ok ? 0 : n - got.get(), seconds, cpu);
    }

    private static Received pipeline(String url, int n) throws Exception {
        Path file = Files.createTempFile("pipeline-bench", ".jsonl");
        try (SystemClock clock = new SystemClock("bench-clock");
                EventHub hub = new EventHub("bench-hub");
                SessionWriter writer =
                        new SessionWriter(file, SessionHeader.of("bench", url, null, null, "now"), new Redactor());
                RealtimeClient client = new RealtimeClient(hub, clock, ClientOptions.defaults())) {
            EventHistory history = new EventHistory(100_000);
            PresenceTracker presence = new PresenceTracker();
            AtomicLong floods = new AtomicLong();
            AtomicLong dropped = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            hub.subscribe(history);
            hub.subscribe(presence);
            hub.subscribe(writer);
            hub.subscribe(batch -> {
                for (EventRecord r : batch) {
                    if (r.name().equals(EngineIoFlooder.EVENT)) {
                        floods.incrementAndGet();
                    } else if (r.name().equals(EventNames.CLIENT_DROPPED)) {
                        dropped.addAndGet(r.payload().path("events").asLong());
                    }
                    if (floods.get() + dropped.get() >= n) {
                        done.countDown();
                    }
                }
            });
            client.connect(url, TestTokens.token("bench", "Bench", 600));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.state() != ConnectionState.CONNECTED && System.nanoTime() < deadline) {
                Thread.sleep(5); // not measured yet, but a spinning main thread would be counted as ours
            }
            if (client.state() != ConnectionState.CONNECTED) {
                throw new IllegalStateException("pipeline client did not connect: " + client.state());
            }
            hub.awaitDispatched(Duration.ofSeconds(5));
            var threads0 = threadCpu();
            long cpu0 = cpuNow();
            long start = System.nanoTime();
            client.sendRaw(
                    "hostile:flood", ProtocolCodec.mapper().getNodeFactory().numberNode(n), false);
            boolean ok = done.await(300, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = cpuNow() - cpu0;
            lastOursThreads = threadCpuDelta(threads0, threadCpu(), floods.get());
            System.out.println("  ours threads µs/event:" + lastOursThreads);
            return new Received(floods.get(), ok ? dropped.get() : n - floods.get(), seconds, cpu);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
