package io.studycollab.realtime.bench;

import io.studycollab.realtime.replay.SessionTimeline;
import io.studycollab.realtime.session.SessionWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Session files at scale (issue #19 point 3), in one heap of the size given to the JVM:
 * <ol>
 *   <li>writes N records through {@link SessionWriter} ({@link SessionWriteRun}) with redaction on (a token to mask wherever it
 *       appears, and the secret-field check on every field), reporting events/s and the writer
 *       thread's CPU per record. The records are built before they are timed, in a pool of 10,000
 *       distinct payloads handed out with fresh seq and time, as the hub hands the writer records
 *       already decoded; the generator's own CPU is reported apart;
 *   <li>opens that same file to its first frame ({@link SessionTimeline#openInBackground}: header,
 *       the first records, the presence at the start), five times, closing each (which stops its
 *       indexer);
 *   <li>opens it once more and waits for the whole index, reporting the time, the indexer's CPU and
 *       the heap kept, then seeks in it.
 * </ol>
 * Run by bench/session-open.sh; {@code SessionOpenBenchmark N OUTPUT.md LOAD_BEFORE}.
 */
public final class SessionOpenBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SessionOpenBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path report = Path.of(args[1]);
        String loadBefore = args.length > 2 ? args[2] : "?";
        Path dir = Files.createTempDirectory("session-open-bench");
        Path file = dir.resolve("records.jsonl");
        try {
            SessionWriteRun.Result w = SessionWriteRun.write(file, n);
            long bytes = Files.size(file);
            System.gc();
            double[] firstFrames = new double[5];
            double[] firstFrameCpu = new double[5];
            int firstFrameSize = 0;
            for (int i = 0; i < firstFrames.length; i++) {
                long c0 = processCpu();
                long t0 = System.nanoTime();
                try (SessionTimeline t = SessionTimeline.openInBackground(file)) {
                    t.records(0, 100);
                    t.presenceAfter(5);
                    firstFrames[i] = (System.nanoTime() - t0) / 1e6;
                    firstFrameCpu[i] = (processCpu() - c0) / 1e6;
                    firstFrameSize = t.size();
                }
            }
            System.gc();
            long heapBefore = usedHeap();
            long t0 = System.nanoTime();
            try (SessionTimeline t = SessionTimeline.openInBackground(file)) {
                double firstFrame = (System.nanoTime() - t0) / 1e6;
                long indexer = SessionWriteRun.threadNamed("session-index " + file.getFileName());
                long indexCpu0 = CPU.getThreadCpuTime(indexer);
                long indexCpu = indexCpu0;
                while (t.indexing()) { // sample the indexer's CPU until it ends
                    long c = CPU.getThreadCpuTime(indexer);
                    indexCpu = c < 0 ? indexCpu : c;
                    Thread.sleep(20);
                }
                double fullSeconds = (System.nanoTime() - t0) / 1e9;
                double indexCpuSeconds = (indexCpu - indexCpu0) / 1e9;
                long heapIndexed = usedHeap() - heapBefore;
                int[] members = new int[1];
                int[] tail = new int[1];
                String seekMiddle = timed(() ->
                        members[0] = t.presenceAfter(t.size() / 2).members().size());
                String seekEnd = timed(() -> t.presenceAfter(t.size()));
                String lastTenThousand = timed(
                        () -> tail[0] = t.records(t.size() - 10_000, t.size()).size());
                String seekStart = timed(() -> t.presenceAfter(10));
                String md = render(
                        n,
                        bytes,
                        w,
                        firstFrames,
                        firstFrameCpu,
                        firstFrameSize,
                        firstFrame,
                        fullSeconds,
                        indexCpuSeconds,
                        heapIndexed,
                        members[0],
                        seekMiddle,
                        seekEnd,
                        seekStart,
                        tail[0],
                        lastTenThousand,
                        t.size(),
                        loadBefore);
                Files.writeString(report, md);
                System.out.print(md);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** This thread's CPU time of {@code r}, median of 5 after one unmeasured, and its wall time. */
    private static String timed(Runnable r) {
        r.run();
        double[] cpu = new double[5];
        double[] wall = new double[5];
        for (int i = 0; i < 5; i++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            r.run();
            cpu[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
            wall[i] = (System.nanoTime() - w0) / 1e6;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return String.format("%.1f ms CPU (wall %.1f)", cpu[2], wall[2]);
    }

    /** CPU of the whole process (every thread: ours, the indexer's, the JIT's and the collector's). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String render(
            int n,
            long bytes,
            SessionWriteRun.Result w,
            double[] firstFrames,
            double[] firstFrameCpu,
            int firstFrameSize,
            double firstFrameFull,
            double fullSeconds,
            double indexCpuSeconds,
            long heapIndexed,
            int members,
            String seekMiddle,
            String seekEnd,
            String seekStart,
            int tail,
            String lastTenThousand,
            int indexed,
            String loadBefore) {
        double[] sorted = firstFrames.clone();
        Arrays.sort(sorted);
        long maxHeap = Runtime.getRuntime().maxMemory();
        return String.format(
                """
                # Session files at scale: writing, opening to the first frame, indexing

                Produced by `bash bench/session-open.sh` (Java %s, -Xmx%d MiB, %d cores; load average
                before: %s; after: %s). Targets (issue #19 point 3): write ≥ 200,000 events/s with redaction
                on; a 10,000,000-record file opens to its first frame in under 2 s in a 256 MiB heap.

                ## Writing (`SessionWriter`, redaction on)

                | what | figure |
                | --- | --- |
                | records | %,d (one file, written once and opened below) |
                | file size | %,d MiB (%d bytes a record) |
                | wall time, records handed in batches of 1,000 | %.1f s: **%,.0f events/s** |
                | writer thread CPU (encode, redact, write) | %.1f s: **%.2f µs a record** (%,.0f records per CPU-second) |
                | generator thread CPU (new records from a pool of 10,000 built beforehand) | %.1f s |

                Redaction on: a 71-character token is looked for in every string written, every field name
                is checked against the secret names, and one record in 1,000 holds the token in a URL and
                under `auth.token` (both masked). The file is flushed to the OS twice a second, not fsync'd
                (as the app records); it lands in the page cache, so this measures our encoding, not the disk.

                ## Opening (`SessionTimeline.openInBackground`, the same file)

                | what | figure |
                | --- | --- |
                | first frame: header, first %,d records indexed, records 0–100 read, presence at the start | **%.0f ms** wall, median of 5 (%s ms); CPU of the process %s ms |
                | the same on the opening that went on to index everything | %.0f ms |
                | whole file indexed (offsets, times, presence checkpoints, markers) | %.1f s wall, %.1f s of the indexer's CPU (%,.0f records per CPU-second) |
                | records indexed | %,d |
                | heap kept by the indexed timeline, after GC | %,d MiB (of %,d MiB allowed; the file is %.1f× the heap) |
                | seek to the middle (presence of %d members) | %s |
                | seek to the end | %s |
                | seek back to the start | %s |
                | read the last %,d records (what the log shows at the end) | %s |

                The file is never loaded: the timeline keeps 8 bytes a record (offset and time, as int
                differences within chunks of 4,096), a presence checkpoint every 1,000 records or every
                1/4,096 of the file, whichever is further, and the markers, and reads records back by offset.
                The first frame waits only for the first 1,024 records; the rest is indexed on the
                timeline's own thread while the start is shown. The file was just written, so it was read
                from the page cache.
                """,
                System.getProperty("java.version"),
                maxHeap >> 20,
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                load(),
                n,
                bytes >> 20,
                bytes / n,
                w.seconds(),
                n / w.seconds(),
                w.writerCpuSeconds(),
                w.writerCpuSeconds() * 1e6 / n,
                n / w.writerCpuSeconds(),
                w.generatorCpuSeconds(),
                firstFrameSize,
                sorted[sorted.length / 2],
                String.join(
                        ", ",
                        Arrays.stream(firstFrames)
                                .mapToObj(d -> String.format("%.0f", d))
                                .toList()),
                String.join(
                        ", ",
                        Arrays.stream(firstFrameCpu)
                                .mapToObj(d -> String.format("%.0f", d))
                                .toList()),
                firstFrameFull,
                fullSeconds,
                indexCpuSeconds,
                indexed / indexCpuSeconds,
                indexed,
                heapIndexed >> 20,
                maxHeap >> 20,
                (double) bytes / maxHeap,
                members,
                seekMiddle,
                seekEnd,
                seekStart,
                tail,
                lastTenThousand);
    }
}
