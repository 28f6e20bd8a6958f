package io.studycollab.debugger.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** CPU readings and figures the window benchmarks share. */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {}

    /** CPU time per thread name, threads of one name (up to a trailing number) summed. */
    static Map<String, Long> byName() {
        Map<String, Long> out = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null) {
                long c = THREADS.getThreadCpuTime(t.getThreadId());
                if (c > 0) {
                    out.merge(t.getThreadName().replaceAll("-\\d+$", ""), c, Long::sum);
                }
            }
        }
        return out;
    }

    /** The {@code n} threads that used most CPU between two readings, as a share of one core. */
    static String busiest(Map<String, Long> before, Map<String, Long> after, double seconds, int n) {
        StringBuilder busy = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .forEach(e ->
                        busy.append(String.format("%s %.0f %%, ", e.getKey(), 100.0 * e.getValue() / 1e9 / seconds)));
        return busy.toString().replaceAll(", $", "");
    }

    /** The whole process's CPU time so far. */
    static long process() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double ms(double nanos) {
        return nanos / 1e6;
    }

    static double mean(long[] xs) {
        return xs.length == 0 ? 0 : Arrays.stream(xs).average().orElse(0);
    }

    /** The {@code p} quantile of sorted values (0 when there are none). */
    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
}
