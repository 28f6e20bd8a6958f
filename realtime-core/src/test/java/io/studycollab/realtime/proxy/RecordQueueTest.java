package io.studycollab.realtime.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Records made off the relay path: in the order queued, none lost, a bounded backlog. */
class RecordQueueTest {

    private static EventRecord named(String name) {
        return EventRecord.of(Direction.IN, name, null, 0, null, 0, 0, null);
    }

    @Test
    void withoutItsThreadEachRecordIsMadeAtOnceOnTheCallersThread() {
        List<String> out = new ArrayList<>();
        RecordQueue q = new RecordQueue(r -> out.add(r.name()), 100);
        q.add(() -> named("a"));
        assertEquals(List.of("a"), out);
        q.publish(named("b"));
        assertEquals(List.of("a", "b"), out);
        assertEquals(0, q.waiting());
    }

    @Test
    void itsThreadPublishesEverythingInTheOrderQueuedAndCloseStopsIt() {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        RecordQueue q = new RecordQueue(r -> out.add(r.name()), 1_000_000);
        q.start("record-queue-test");
        for (int i = 0; i < 20_000; i++) {
            int n = i;
            if (i % 3 == 0) {
                q.publish(named("e" + n));
            } else {
                q.add(() -> named("e" + n));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 20_000);
        assertEquals(IntStream.range(0, 20_000).mapToObj(i -> "e" + i).toList(), List.copyOf(out));
        q.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("record-queue-test") && t.isAlive()));
    }

    @Test
    void pastTheBoundTheCallerCatchesUpSoTheBacklogStaysBoundedAndNothingIsLost() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        RecordQueue q = new RecordQueue(
                r -> {
                    if (r.name().equals("slow")) {
                        try {
                            release.await(10, TimeUnit.SECONDS); // the pump is stuck on this one
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    out.add(r.name());
                },
                10);
        q.start("record-queue-bound");
        q.publish(named("slow"));
        await().atMost(Duration.ofSeconds(10)).until(() -> q.waiting() == 0); // taken by the pump
        for (int i = 0; i < 10; i++) {
            q.publish(named("r" + i));
        }
        assertEquals(10, q.waiting()); // at the bound: all still waiting behind the stuck one
        Thread relay = new Thread(() -> q.publish(named("r10")), "relay");
        relay.start();
        // the 11th waits for the lock the pump holds: the relay slows down rather than the backlog grow
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.getState() == Thread.State.WAITING);
        assertEquals(11, q.waiting());
        release.countDown();
        relay.join(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> out.size() == 12);
        assertEquals("slow", out.get(0));
        assertEquals(IntStream.range(0, 11).mapToObj(i -> "r" + i).toList(), out.subList(1, 12));
        q.close();
    }

    @Test
    void aRecordThatCannotBeMadeIsSkippedAndTheOnesAfterItStillCome() {
        List<String> out = new ArrayList<>();
        RecordQueue q = new RecordQueue(r -> out.add(r.name()), 100);
        q.add(() -> {
            throw new IllegalStateException("decoder bug");
        });
        q.add(() -> named("after"));
        assertEquals(List.of("after"), out);
    }
}
