package io.studycollab.realtime.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.replay.SessionTimeline;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a session file of N records (a group of 50 moving cursors, with joins and leaves), then
 * opens it as a timeline and seeks in it, reporting times and heap. Run by bench/session-open.sh
 * with a small -Xmx to show the file is indexed, not loaded.
 *   SessionOpenBenchmark N OUTPUT.md
 */
public final class SessionOpenBenchmark {

    private SessionOpenBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path report = Path.of(args[1]);
        Path dir = Files.createTempDirectory("session-open-bench");
        Path file = dir.resolve("million.jsonl");
        Random rnd = new Random(1);
        long t0 = System.nanoTime();
        try (SessionWriter w = new SessionWriter(
                file, SessionHeader.of("bench", "http://127.0.0.1", "me", "g", "now"), new Redactor())) {
            List<EventRecord> batch = new ArrayList<>(1000);
            long t = 1_767_225_600_000L;
            ObjectNode joined = ProtocolCodec.object().put("groupId", "g");
            joined.putArray("members");
            batch.add(new EventRecord(1, t, 0, Direction.IN, "group:joined", null, "g", null, joined, 40, null));
            for (int i = 2; i <= n; i++) {
                t += 1;
                String user = "user-" + rnd.nextInt(50);
                ObjectNode p;
                String name;
                if (i % 500 == 0) {
                    name = "user:joined";
                    p = ProtocolCodec.object().put("groupId", "g");
                    p.putObject("user")
                            .put("userId", user)
                            .put("displayName", user)
                            .putNull("avatarUrl")
                            .put("groupId", "g")
                            .putNull("cursor")
                            .put("isActive", true)
                            .putNull("currentTool")
                            .put("lastSeen", "2026-01-01T00:00:00Z");
                } else {
                    name = "user:cursor:updated";
                    p = ProtocolCodec.object()
                            .put("groupId", "g")
                            .put("userId", user)
                            .put("ts", t);
                    p.putObject("cursor").put("x", rnd.nextInt(1000)).put("y", rnd.nextInt(600));
                }
                batch.add(new EventRecord(i, t, i, Direction.IN, name, null, "g", user, p, 90, null));
                if (batch.size() == 1000) {
                    w.onEvents(batch);
                    batch = new ArrayList<>(1000);
                    while (w.pendingBatches() > 20) { // this generator outruns any disk; keep the heap for the test
                        Thread.onSpinWait();
                    }
                }
            }
            w.onEvents(batch);
        }
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        long bytes = Files.size(file);

        long t1 = System.nanoTime();
        try (SessionTimeline timeline = SessionTimeline.open(file)) {
            double openSeconds = (System.nanoTime() - t1) / 1e9;
            System.gc();
            long heapAfterOpen =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long t2 = System.nanoTime();
            int members = timeline.presenceAfter(n / 2).members().size();
            double seekMiddle = (System.nanoTime() - t2) / 1e6;
            long t3 = System.nanoTime();
            timeline.presenceAfter(n);
            double seekEnd = (System.nanoTime() - t3) / 1e6;
            long t4 = System.nanoTime();
            int tail = timeline.records(n - 10_000, n).size();
            double lastTenThousand = (System.nanoTime() - t4) / 1e6;
            long t5 = System.nanoTime();
            timeline.presenceAfter(10);
            double seekStart = (System.nanoTime() - t5) / 1e6;
            long maxHeap = Runtime.getRuntime().maxMemory();
            String md = String.format(
                    """
                    # Opening a large session file

                    Produced by `bash bench/session-open.sh` (Java %s, -Xmx%d MiB, %d cores).

                    | what | figure |
                    | --- | --- |
                    | records | %,d |
                    | file size | %,d MiB (%d bytes a record) |
                    | writing it through `SessionWriter` | %.1f s |
                    | opening it as a timeline (`SessionTimeline.open`: index, presence checkpoints, markers) | %.1f s |
                    | heap used after opening, after GC | %,d MiB (of %,d MiB allowed) |
                    | seek to the middle (presence of %d members) | %.0f ms |
                    | seek to the end | %.0f ms |
                    | seek back to the start | %.0f ms |
                    | read the last %,d records (what the log shows at the end) | %.0f ms |

                    The file is never loaded: the timeline keeps 16 bytes a record (byte offset and time), a
                    presence checkpoint every 1,000 records and the markers, and reads records back by offset
                    when the playhead needs them. The heap limit above is the proof: the file is %.1f times larger.
                    """,
                    System.getProperty("java.version"),
                    maxHeap >> 20,
                    Runtime.getRuntime().availableProcessors(),
                    n,
                    bytes >> 20,
                    bytes / n,
                    writeSeconds,
                    openSeconds,
                    heapAfterOpen >> 20,
                    maxHeap >> 20,
                    members,
                    seekMiddle,
                    seekEnd,
                    seekStart,
                    tail,
                    lastTenThousand,
                    (double) bytes / maxHeap);
            Files.writeString(report, md);
            System.out.print(md);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
