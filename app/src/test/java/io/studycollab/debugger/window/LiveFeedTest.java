package io.studycollab.debugger.window;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventHistory;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.presence.PresenceTracker;
import io.studycollab.realtime.protocol.ProtocolCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The FX thread reads core state without ever waiting for the locks the hub holds. */
class LiveFeedTest {

    @Test
    void pollNeverWaitsForTheFoldAndCatchesUpOnceItIsFree() throws Exception {
        PresenceTracker tracker = new PresenceTracker();
        EventHistory history = new EventHistory(10);
        // Folded but not yet published: the next snapshot() needs the tracker's lock.
        tracker.onEvents(List.of(EventRecord.of(Direction.IN, "x", ProtocolCodec.object(), 2, null, 0, 0, null)));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The hub thread in the middle of folding a large batch: the tracker's lock is taken.
        Thread hub = new Thread(() -> {
            synchronized (tracker) {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (LiveFeed feed = new LiveFeed(tracker, history)) {
            hub.start();
            holding.await();
            LiveFeed.Reading first = assertTimeoutPreemptively(Duration.ofSeconds(2), feed::poll);
            assertSame(LiveFeed.Reading.EMPTY, first, "the last reading, at once");
            release.countDown();
            history.addAll(List.of(EventRecord.of(Direction.IN, "x", ProtocolCodec.object(), 2, null, 0, 0, null)));
            history.setCapacity(1);
            history.addAll(List.of(EventRecord.of(Direction.IN, "y", ProtocolCodec.object(), 2, null, 0, 0, null)));
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            feed.poll().evicted() == 1 && feed.poll().presence().foldedEvents() == 1);
        } finally {
            release.countDown();
            hub.join();
        }
    }
}
