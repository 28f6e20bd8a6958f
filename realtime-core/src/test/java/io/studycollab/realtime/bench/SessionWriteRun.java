package io.studycollab.realtime.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionWriter;
import io.studycollab.realtime.testing.TestPayloads;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The writing half of {@link SessionOpenBenchmark}: N records through {@link SessionWriter} with
 * redaction on (a token to mask wherever it appears, the secret-field check on every field),
 * handed in batches of 1,000 from a pool of 10,000 records built beforehand, as the hub hands the
 * writer records already decoded.
 */
final class SessionWriteRun {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    private SessionWriteRun() {}

    record Result(double seconds, double writerCpuSeconds, double generatorCpuSeconds) {}

    /** Writes {@code n} records to {@code file} with redaction on, timing the wall clock and both threads' CPU. */
    static Result write(Path file, int n) throws Exception {
        List<EventRecord> pool = pool();
        long gen0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Redactor redactor = new Redactor().addSecret(TOKEN);
        long writerCpu;
        try (SessionWriter w =
                new SessionWriter(file, SessionHeader.of("bench", "http://127.0.0.1", "me", "g", "now"), redactor)) {
            long writer = threadNamed("session-writer");
            List<EventRecord> batch = new ArrayList<>(1000);
            long t = 1_767_225_600_000L;
            ObjectNode joined = ProtocolCodec.object().put("groupId", "g");
            joined.putArray("members");
            batch.add(new EventRecord(1, t, 0, Direction.IN, "group:joined", null, "g", null, joined, 40, null));
            for (int i = 2; i <= n; i++) {
                t += i % 4 == 0 ? 1 : 0; // 4,000 events a second of recorded time
                EventRecord p = pool.get(i % pool.size());
                batch.add(new EventRecord(
                        i,
                        t,
                        i * 250_000L,
                        p.direction(),
                        p.name(),
                        p.category(),
                        p.groupId(),
                        p.userId(),
                        p.payload(),
                        p.sizeBytes(),
                        null));
                if (batch.size() == 1000) {
                    w.onEvents(batch); // waits while the writer has 16 batches to go: the bound it has
                    batch = new ArrayList<>(1000);
                }
            }
            w.onEvents(batch);
            writerCpu = CPU.getThreadCpuTime(writer);
            while (w.written() < n && w.failure() == null) {
                writerCpu = Math.max(writerCpu, CPU.getThreadCpuTime(writer));
                Thread.sleep(1);
            }
            writerCpu = Math.max(writerCpu, CPU.getThreadCpuTime(writer));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(seconds, writerCpu / 1e9, (CPU.getCurrentThreadCpuTime() - gen0) / 1e9);
    }

    /** 10,000 distinct records: cursors of 50 users, one in 100 a join, one in 1,000 a snapshot-like record holding the token. */
    private static List<EventRecord> pool() {
        Random rnd = new Random(1);
        List<EventRecord> pool = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String user = "user-" + rnd.nextInt(50);
            ObjectNode p;
            String name;
            if (i % 100 == 0) {
                name = "user:joined";
                p = ProtocolCodec.object().put("groupId", "g");
                p.set("user", TestPayloads.user(user, "User " + user, "g"));
            } else if (i % 1000 == 1) {
                name = "client:debug";
                p = ProtocolCodec.object().put("url", "http://127.0.0.1:3000/?token=" + TOKEN);
                p.putObject("auth").put("token", TOKEN);
            } else {
                name = "user:cursor:updated";
                p = ProtocolCodec.object()
                        .put("groupId", "g")
                        .put("userId", user)
                        .put("ts", 1_767_225_600_000L + i);
                p.putObject("cursor").put("x", rnd.nextInt(19_200) / 10.0).put("y", rnd.nextInt(10_800) / 10.0);
            }
            pool.add(new EventRecord(0, 0, 0, Direction.IN, name, null, "g", user, p, ProtocolCodec.sizeOf(p), null));
        }
        return pool;
    }

    static long threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread " + name))
                .getId();
    }
}
