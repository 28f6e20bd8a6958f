package io.studycollab.realtime.bench;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventFilter;
import io.studycollab.realtime.events.EventHistory;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * History depth: heap per event, filters and jump-to-end over N small cursor events, for the
 * column store ({@link EventHistory}) next to the same records kept as objects in a list (how the
 * history stored them before). Run by {@code bench/history.sh}; appends a Markdown table to the report.
 */
public final class HistoryBenchmark {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path report = Path.of(args[1]);
        boolean withObjects = args.length < 3 || !"columns-only".equals(args[2]);
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                "%n### %,d events (-Xmx%d MiB, Java %s)%n%n| store | heap per event | fill | name filter | user filter | text filter | jump to end |%n| --- | --- | --- | --- | --- | --- | --- |%n",
                n, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version")));
        md.append(run("columns (`EventHistory`)", n, new ColumnStore(n)));
        if (withObjects) {
            md.append(run("records in a list (before)", n, new ObjectStore(n)));
        }
        Files.writeString(report, md, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(md);
    }

    interface Store {
        void add(EventRecord r);

        int matching(EventFilter f);

        List<EventRecord> tail(int k);
    }

    static final class ColumnStore implements Store {
        final EventHistory h;

        ColumnStore(int n) {
            h = new EventHistory(n);
        }

        public void add(EventRecord r) {
            h.add(r);
        }

        public int matching(EventFilter f) {
            return h.matching(f).size();
        }

        public List<EventRecord> tail(int k) {
            return new ArrayList<>(h.tail(k));
        }
    }

    static final class ObjectStore implements Store {
        final ArrayList<EventRecord> list;

        ObjectStore(int n) {
            list = new ArrayList<>(n);
        }

        public void add(EventRecord r) {
            list.add(r);
        }

        public int matching(EventFilter f) {
            int c = 0;
            for (EventRecord r : list) {
                if (f.test(r)) {
                    c++;
                }
            }
            return c;
        }

        public List<EventRecord> tail(int k) {
            return new ArrayList<>(list.subList(list.size() - k, list.size()));
        }
    }

    private static EventRecord event(int i) {
        String name = i % 10 == 0 ? "user:tool:changed" : "user:cursor:updated";
        var p = ProtocolCodec.object()
                .put("groupId", "demo")
                .put("userId", new String("user-" + (i % 50))) // a fresh string per event, as decoded
                .put("ts", 1_795_000_000_000L + i);
        p.putObject("cursor").put("x", (i * 7) % 1600 + 0.5).put("y", (i * 13) % 1000 + 0.25);
        return EventRecord.of(Direction.IN, new String(name), p, 96, null, 1_795_000_000_000L + i, i, null)
                .withSeq(i + 1);
    }

    private static String run(String label, int n, Store store) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long heapBefore = usedAfterGc();
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            store.add(event(i));
        }
        double fillCpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        long perEvent = (usedAfterGc() - heapBefore) / n;
        String name = time(() -> store.matching(EventFilter.all().withNameGlob("user:tool:*")));
        String user = time(() -> store.matching(EventFilter.all().withUser("user-7")));
        String text = time(() -> store.matching(EventFilter.all().withText("\"x\":7.5")));
        String end = time(() -> store.tail(50).size());
        return String.format(
                "| %s | %,d bytes | %,.0f ms CPU | %s | %s | %s | %s |%n",
                label, perEvent, fillCpuMs, name, user, text, end);
    }

    /**
     * Median of five runs after two unmeasured ones, as "CPU ms (wall ms; matched)": this thread's
     * CPU time is what the work costs; wall time on a machine shared with other work also counts
     * the time the thread waited for a core.
     */
    private static String time(Supplier<Integer> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> cpu = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        int result = 0;
        work.get();
        work.get();
        for (int i = 0; i < 5; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = work.get();
            wall.add((System.nanoTime() - t0) / 1e6);
            cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
        }
        cpu.sort(Double::compare);
        wall.sort(Double::compare);
        return String.format("%.1f ms (wall %.1f; %,d)", cpu.get(2), wall.get(2), result);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
