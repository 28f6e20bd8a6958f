package io.studycollab.debugger.bench;

import static io.studycollab.debugger.bench.ThreadCpu.fx;
import static io.studycollab.debugger.bench.ThreadCpu.max;
import static io.studycollab.debugger.bench.ThreadCpu.mean;
import static io.studycollab.debugger.bench.ThreadCpu.ms;
import static io.studycollab.debugger.bench.ThreadCpu.pct;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.studycollab.debugger.sandbox.Sandbox;
import io.studycollab.debugger.window.DebuggerApplication;
import io.studycollab.debugger.window.DebuggerController;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.Member;
import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * FX-thread cost of a busy group, in the real window (connected to its embedded sandbox as a user
 * would start it): once the demo group shows, synthetic users join it and move their cursors at
 * 20 updates/s each, published into the window's event hub exactly as the client publishes what
 * arrives from the socket (the network path is measured by the ingest benchmark). For each phase
 * it records, per pulse, the FX thread's CPU time (everything it did between two pulse starts) and
 * the wall time from the pulse's start to the end of its layout; and the frame rate.
 *   UiPulseBenchmark OUTPUT.md [SECONDS_PER_PHASE]
 */
public final class UiPulseBenchmark {

    private UiPulseBenchmark() {}

    public static void main(String[] args) throws Exception {
        Harness.output = Path.of(args[0]);
        Harness.seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Application.launch(Harness.class);
        System.exit(Harness.exitCode);
    }

    /** One load: users moving at a rate, measured for a while. */
    record Phase(String name, int users, int updatesPerUserPerSecond) {
        int eventsPerSecond() {
            return users * updatesPerUserPerSecond;
        }
    }

    /** What one phase measured. */
    record Result(
            Phase phase,
            long[] cpuNanos,
            long[] wallNanos,
            boolean[] rosterChanged,
            double seconds,
            long published,
            long received,
            int cursorsDrawn,
            String busiestThreads) {
        double fps() {
            return cpuNanos.length / seconds;
        }
    }

    public static final class Harness extends Application {

        static Path output;
        static int seconds;
        static volatile int exitCode = 1;

        private DebuggerController controller;
        private PulseRecorder pulses;
        // Written on the FX thread only.
        private boolean rosterChangedThisPulse;

        @Override
        public void start(Stage stage) {
            controller = DebuggerApplication.showWindow(stage, false);
            Scene scene = stage.getScene();
            pulses = new PulseRecorder(scene, () -> {
                boolean changed = rosterChangedThisPulse;
                rosterChangedThisPulse = false;
                return changed;
            });
            controller.group().groupMembers().addListener((ListChangeListener<Member>)
                    c -> rosterChangedThisPulse = true);
            controller.startSandbox();
            controller.whenDemoVisible(
                    () -> {
                        Thread driver = new Thread(this::drive, "ui-bench-driver");
                        driver.setDaemon(true);
                        driver.start();
                    },
                    () -> {
                        System.err.println("the demo group did not show");
                        Platform.exit();
                    });
        }

        private void drive() {
            try {
                EventHub hub = controller.session().hub();
                AtomicLong received = new AtomicLong();
                hub.subscribe(batch -> {
                    for (EventRecord r : batch) {
                        if (r.name().equals(EventNames.USER_CURSOR_UPDATED)
                                && r.userId() != null
                                && r.userId().startsWith("bench-user-")) {
                            received.incrementAndGet();
                        }
                    }
                });
                String group = Sandbox.DEMO_GROUP;
                List<Result> results = new ArrayList<>();
                // Warm-up: compile the paths before anything is counted.
                run(hub, group, new Phase("warm-up", 500, 20), 5, received, false);
                // What this machine's display gives the window at all: the frame rate to compare with.
                results.add(
                        run(hub, group, new Phase("idle: the sandbox's 3 bots only", 0, 20), seconds, received, true));
                results.add(run(
                        hub, group, new Phase("500 users × 20 cursor updates/s", 500, 20), seconds, received, true));
                results.add(run(
                        hub, group, new Phase("2,000 users × 20 cursor updates/s", 2000, 20), seconds, received, true));
                Files.writeString(output, report(results));
                System.out.print(report(results));
                exitCode = 0;
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                WaitForAsyncUtils.asyncFx(() -> {
                    controller.close();
                    Platform.exit();
                });
            }
        }

        /** Joins the phase's users, moves them for {@code secs}, then has them leave. */
        private Result run(EventHub hub, String group, Phase phase, int secs, AtomicLong received, boolean measure)
                throws Exception {
            for (int u = 0; u < phase.users(); u++) {
                hub.publish(inbound(
                        EventNames.USER_JOINED,
                        ProtocolCodec.object()
                                .put("groupId", group)
                                .set(
                                        "user",
                                        ProtocolCodec.object()
                                                .put("userId", userId(u))
                                                .put("displayName", "User " + u)
                                                .putNull("avatarUrl")
                                                .put("groupId", group)
                                                .putNull("cursor")
                                                .put("isActive", true)
                                                .put("currentTool", "pen")
                                                .put("lastSeen", Instant.now().toString()))));
            }
            // The joins rebuild the roster once; measure only after that.
            await(phase.name() + ": users on the roster")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> fx(() -> controller.group().groupMembers().size()) > phase.users());
            long receivedBefore = received.get();
            fx(() -> {
                pulses.restart(measure);
                return null;
            });
            Map<String, Long> cpuBefore = ThreadCpu.byName();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(secs);
            long published = 0;
            double perNano = phase.eventsPerSecond() / 1e9;
            while (System.nanoTime() < end) {
                long due = (long) ((System.nanoTime() - start) * perNano);
                for (; published < due; published++) {
                    int u = (int) (published % phase.users());
                    double t = published / (double) phase.eventsPerSecond();
                    double x = 500 + 400 * Math.sin(t * 0.7 + u);
                    double y = 300 + 250 * Math.cos(t * 0.9 + u * 1.3);
                    hub.publish(inbound(
                            EventNames.USER_CURSOR_UPDATED,
                            ProtocolCodec.object()
                                    .put("groupId", group)
                                    .put("userId", userId(u))
                                    .put("ts", System.currentTimeMillis())
                                    .set(
                                            "cursor",
                                            ProtocolCodec.object()
                                                    .put("x", Math.round(x * 10) / 10.0)
                                                    .put("y", Math.round(y * 10) / 10.0))));
                }
                Thread.sleep(1); // the load's own pacing, in real time: what is measured is real time
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            String busiest = ThreadCpu.busiest(cpuBefore, ThreadCpu.byName(), elapsed, 6);
            hub.awaitDispatched(Duration.ofSeconds(10));
            final long publishedFinal = published;
            Result r = fx(() -> {
                PulseRecorder.Pulses p = pulses.stop();
                return new Result(
                        phase,
                        p.cpuNanos(),
                        p.wallNanos(),
                        p.flagged(),
                        elapsed,
                        publishedFinal,
                        received.get() - receivedBefore,
                        controller.canvas().cursorCount(),
                        busiest);
            });
            for (int u = 0; u < phase.users(); u++) {
                hub.publish(inbound(
                        EventNames.USER_LEFT,
                        ProtocolCodec.object()
                                .put("groupId", group)
                                .put("userId", userId(u))
                                .put("reason", "left")));
            }
            await(phase.name() + ": users gone")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> fx(() -> controller.group().groupMembers().size()) <= Sandbox.BOTS + 1);
            return r;
        }

        private static String userId(int u) {
            return "bench-user-" + u;
        }

        private static EventRecord inbound(String name, JsonNode payload) {
            long now = System.currentTimeMillis();
            return EventRecord.of(
                    Direction.IN, name, payload, ProtocolCodec.sizeOf(payload), null, now, System.nanoTime(), null);
        }

        private static String report(List<Result> results) {
            StringBuilder md = new StringBuilder();
            StringBuilder notes = new StringBuilder();
            for (Result r : results) {
                int roster = 0;
                StringBuilder slow = new StringBuilder();
                for (int i = 0; i < r.cpuNanos().length; i++) {
                    roster += r.rosterChanged()[i] ? 1 : 0;
                    if (r.cpuNanos()[i] > 17_000_000L) {
                        slow.append(String.format(
                                " %.1f ms%s;", ms(r.cpuNanos()[i]), r.rosterChanged()[i] ? " (roster changed)" : ""));
                    }
                }
                notes.append(String.format(
                        "- **%s**: %d roster changes (the sandbox's bots switching tools or going idle); "
                                + "pulses over 17 ms:%s. Busiest threads, as a share of one core: %s.%n",
                        r.phase().name(),
                        roster,
                        slow.length() == 0 ? " none" : slow.toString().replaceAll(";$", ""),
                        r.busiestThreads()));
            }
            md.append("| load | events/s in | pulses/s | FX CPU per pulse: mean | p99 | max | pulses over 17 ms (CPU) "
                    + "| pulse start → layout done: mean | p99 | max | cursors drawn | events lost |\n");
            md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (Result r : results) {
                long[] c = r.cpuNanos().clone();
                long[] w = r.wallNanos().clone();
                Arrays.sort(c);
                Arrays.sort(w);
                md.append(String.format(
                        "| %s | %,.0f | %.1f | %.2f ms | %.2f ms | %.2f ms | %d of %,d | %.2f ms | %.2f ms | %.2f ms | %,d | %,d |%n",
                        r.phase().name(),
                        r.published() / r.seconds(),
                        r.fps(),
                        ms(mean(c)),
                        ms(pct(c, 0.99)),
                        ms(max(c)),
                        Arrays.stream(c).filter(x -> x > 17_000_000L).count(),
                        c.length,
                        ms(mean(w)),
                        ms(pct(w, 0.99)),
                        ms(max(w)),
                        r.cursorsDrawn(),
                        r.published() - r.received()));
            }
            md.append("\n").append(notes);
            Result idle = results.get(0);
            if (idle.phase().users() == 0) {
                StringBuilder against = new StringBuilder();
                for (Result r : results.subList(1, results.size())) {
                    against.append(String.format(
                            "%s%s %.1f %%",
                            against.length() == 0 ? "" : ", ", r.phase().name(), 100 * r.fps() / idle.fps()));
                }
                md.append(String.format(
                        "- **Frame rate under load, as a share of the idle window's %.1f pulses/s**: %s.%n",
                        idle.fps(), against));
            }
            return md.toString();
        }
    }
}
