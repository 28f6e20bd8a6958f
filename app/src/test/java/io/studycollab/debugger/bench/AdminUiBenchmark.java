package io.studycollab.debugger.bench;

import static io.studycollab.debugger.bench.ThreadCpu.fx;
import static io.studycollab.debugger.bench.ThreadCpu.max;
import static io.studycollab.debugger.bench.ThreadCpu.mean;
import static io.studycollab.debugger.bench.ThreadCpu.ms;
import static io.studycollab.debugger.bench.ThreadCpu.pct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.debugger.window.DebuggerApplication;
import io.studycollab.debugger.window.DebuggerController;
import io.studycollab.realtime.admin.AdminChange;
import io.studycollab.realtime.admin.AdminModel;
import io.studycollab.realtime.admin.AdminRecords;
import io.studycollab.realtime.events.EventHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Server tab with 20,000 sockets, in the real window: an {@link AdminModel} is fed the admin
 * protocol's own events (as {@code AdminClient} feeds it from the socket), first the full list, then
 * 1,000 socket changes a second (a socket leaves one room and joins another, or disconnects and a new
 * one connects), each also published into the window's event hub as the server-side record the log
 * shows. Per pulse it records the FX thread's CPU time and the wall time from the pulse's start to
 * the end of its layout; per phase the process's CPU and the busiest threads.
 *   AdminUiBenchmark OUTPUT.md [SECONDS_PER_PHASE]
 */
public final class AdminUiBenchmark {

    static final int SOCKETS = 20_000;
    static final int ROOMS = 200;

    private AdminUiBenchmark() {}

    public static void main(String[] args) throws Exception {
        Harness.output = Path.of(args[0]);
        Harness.seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Application.launch(Harness.class);
        System.exit(Harness.exitCode);
    }

    record Result(
            String name,
            int changesPerSecond,
            long[] cpu,
            long[] wall,
            double seconds,
            long applied,
            double processCpuShare,
            String busiest,
            long heapMiB,
            int rowsShown,
            long rowsTouched,
            long[] applyNanos) {}

    public static final class Harness extends Application {

        static Path output;
        static int seconds;
        static volatile int exitCode = 1;

        private final JsonNodeFactory json = JsonNodeFactory.instance;
        private DebuggerController controller;
        private PulseRecorder pulses;
        private int nextId = SOCKETS;
        private final int[] live = IntStream.range(0, SOCKETS).toArray();
        private final int[] roomOf =
                IntStream.range(0, SOCKETS).map(i -> i % ROOMS).toArray();

        @Override
        public void start(Stage stage) {
            controller = DebuggerApplication.showWindow(stage, false);
            Scene scene = stage.getScene();
            ((TabPane) scene.lookup("#mainViews")).getSelectionModel().select(1); // the Server tab, shown
            pulses = new PulseRecorder(scene, () -> false);
            Thread driver = new Thread(this::drive, "admin-bench-driver");
            driver.setDaemon(true);
            driver.start();
        }

        private void drive() {
            try {
                AdminModel model = new AdminModel();
                EventHub hub = controller.session().hub();
                apply(
                        model,
                        hub,
                        "config",
                        List.of(json.objectNode()
                                .set(
                                        "supportedFeatures",
                                        json.arrayNode()
                                                .add("DISCONNECT")
                                                .add("JOIN")
                                                .add("LEAVE")
                                                .add("ALL_EVENTS"))));
                ArrayNode all = json.arrayNode();
                for (int i = 0; i < SOCKETS; i++) {
                    all.add(socket(i));
                }
                apply(model, hub, "all_sockets", List.of(all));
                apply(model, hub, "server_stats", List.of(stats()));
                fx(() -> {
                    controller
                            .serverTab()
                            .showSource(model::snapshot, "synthetic admin server: " + SOCKETS + " sockets");
                    return null;
                });
                Awaitility.await("the Server tab shows the sockets")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> fx(() ->
                                        controller.serverTab().model().sockets().size())
                                == SOCKETS);
                List<Result> results = new ArrayList<>();
                run("warm-up", model, hub, 1000, 5, false);
                results.add(run("20,000 sockets, no changes", model, hub, 0, seconds, true));
                results.add(run("20,000 sockets, 1,000 socket changes/s", model, hub, 1000, seconds, true));
                // The same load with every reading swapping all rows (the tab before it merged), for comparison.
                fx(() -> {
                    controller.serverTab().model().mergeReadings(false);
                    return null;
                });
                results.add(run(
                        "20,000 sockets, 1,000 socket changes/s, rows replaced whole (before)",
                        model,
                        hub,
                        1000,
                        seconds,
                        true));
                Files.writeString(output, report(results));
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

        private Result run(String name, AdminModel model, EventHub hub, int perSecond, int secs, boolean measure)
                throws Exception {
            fx(() -> {
                pulses.restart(measure);
                return null;
            });
            long touchedBefore = fx(() -> controller.serverTab().model().rowsTouched());
            Map<String, Long> before = ThreadCpu.byName();
            long processBefore = ThreadCpu.process();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(secs);
            long applied = 0;
            // How long each change's apply takes on the driver thread, which stands for socket.io's event
            // thread: it waits there while the feed thread holds the model's lock.
            long[] applyNanos = new long[Math.max(16, perSecond * (secs + 2))];
            int timed = 0;
            while (System.nanoTime() < end) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond);
                if (applied < due) {
                    for (; applied < due; applied++) {
                        long t0 = System.nanoTime();
                        change(model, hub, applied);
                        if (timed < applyNanos.length) {
                            applyNanos[timed++] = System.nanoTime() - t0;
                        }
                    }
                    controller.serverTab().sourceChanged(); // as AdminClient's listener does, per batch
                }
                Thread.sleep(1);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double processShare = (ThreadCpu.process() - processBefore) / 1e9 / elapsed;
            String busiest = ThreadCpu.busiest(before, ThreadCpu.byName(), elapsed, 5);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
            long appliedFinal = applied;
            long[] applyTimes = Arrays.copyOf(applyNanos, timed);
            return fx(() -> {
                PulseRecorder.Pulses p = pulses.stop();
                return new Result(
                        name,
                        perSecond,
                        p.cpuNanos(),
                        p.wallNanos(),
                        elapsed,
                        appliedFinal,
                        processShare,
                        busiest,
                        heap,
                        controller.serverTab().model().sockets().size(),
                        controller.serverTab().model().rowsTouched() - touchedBefore,
                        applyTimes);
            });
        }

        /** One socket change: half are room moves, half a disconnect and a new connection. */
        private void change(AdminModel model, EventHub hub, long n) {
            int victim = (int) ((n * 7919) % SOCKETS);
            String id = "s" + live[victim];
            if (n % 2 == 0) {
                int next = (roomOf[victim] + 1 + (int) (n % 7)) % ROOMS;
                String from = "room-" + roomOf[victim];
                String to = "room-" + next;
                roomOf[victim] = next;
                apply(model, hub, "room_left", List.of(t("/"), t(from), t(id)));
                apply(model, hub, "room_joined", List.of(t("/"), t(to), t(id)));
            } else {
                apply(model, hub, "socket_disconnected", List.of(t("/"), t(id), t("transport close")));
                live[victim] = nextId; // the same number of sockets throughout
                roomOf[victim] = nextId % ROOMS;
                JsonNode fresh = socket(nextId++);
                apply(model, hub, "socket_connected", List.of(fresh));
            }
        }

        private JsonNode t(String s) {
            return json.textNode(s);
        }

        private ObjectNode socket(int i) {
            ObjectNode s = json.objectNode()
                    .put("id", "s" + i)
                    .put("clientId", "c" + i)
                    .put("transport", i % 5 == 0 ? "polling" : "websocket")
                    .put("nsp", "/");
            s.set(
                    "data",
                    json.objectNode()
                            .put("groupId", "room-" + (i % ROOMS))
                            .set(
                                    "user",
                                    json.objectNode().put("userId", "user-" + i).put("displayName", "User " + i)));
            s.set(
                    "handshake",
                    json.objectNode()
                            .put("address", "10.0." + (i / 250 % 250) + "." + (i % 250))
                            .put("time", "now")
                            .put("url", "/socket.io/?EIO=4&transport=websocket"));
            s.set("rooms", json.arrayNode().add("s" + i).add("room-" + (i % ROOMS)));
            return s;
        }

        private ObjectNode stats() {
            ObjectNode s = json.objectNode()
                    .put("serverId", "bench-node-1")
                    .put("hostname", "bench")
                    .put("pid", 1)
                    .put("uptime", 1.0)
                    .put("clientsCount", SOCKETS)
                    .put("pollingClientsCount", SOCKETS / 5);
            s.set(
                    "namespaces",
                    json.arrayNode().add(json.objectNode().put("name", "/").put("socketsCount", SOCKETS)));
            return s;
        }

        private static void apply(AdminModel model, EventHub hub, String event, List<JsonNode> args) {
            for (AdminChange c : model.apply(event, args, System.currentTimeMillis())) {
                hub.publish(AdminRecords.toRecord(c, "/admin", System.nanoTime()));
            }
        }

        private static String report(List<Result> results) {
            StringBuilder md = new StringBuilder();
            md.append(
                    "| load | pulses/s | FX CPU per pulse: mean | p99 | max | pulses over 17 ms (CPU) "
                            + "| pulse start → layout done: mean | p99 | max | over 17 ms (wall) | process CPU | heap after GC | changes applied |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            StringBuilder notes = new StringBuilder();
            for (Result r : results) {
                long[] c = r.cpu().clone();
                long[] w = r.wall().clone();
                Arrays.sort(c);
                Arrays.sort(w);
                long overCpu = Arrays.stream(c).filter(x -> x > 17_000_000L).count();
                long overWall = Arrays.stream(w).filter(x -> x > 17_000_000L).count();
                md.append(String.format(
                        "| %s | %.1f | %.2f ms | %.2f ms | %.2f ms | %d of %d | %.2f ms | %.2f ms | %.2f ms | %d | %.0f %% of a core | %d MiB | %,d |%n",
                        r.name(),
                        c.length / r.seconds(),
                        ms(mean(c)),
                        ms(pct(c, 0.99)),
                        ms(max(c)),
                        overCpu,
                        c.length,
                        ms(mean(w)),
                        ms(pct(w, 0.99)),
                        ms(max(w)),
                        overWall,
                        100 * r.processCpuShare(),
                        r.heapMiB(),
                        r.applied()));
                notes.append(String.format(
                        "- %s: busiest threads, as a share of one core: %s; rows in the sockets table: %,d; table rows"
                                + " added, removed or replaced by the readings: %,.0f a second.%n",
                        r.name(), r.busiest(), r.rowsShown(), r.rowsTouched() / r.seconds()));
                if (r.applyNanos().length > 0) {
                    long[] a = r.applyNanos().clone();
                    Arrays.sort(a);
                    notes.append(String.format(
                            "  One change applied to the admin model (room_left + room_joined, or socket_disconnected +"
                                    + " socket_connected, as socket.io's event thread does): p99 %.2f ms, max %.2f ms.%n",
                            ms(pct(a, 0.99)), ms(max(a))));
                }
            }
            return md + "\n" + notes;
        }
    }
}
