package io.studycollab.realtime.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SharedEngineTimersTest {

    @Test
    void shuttingOneConnectionsViewDownCancelsItsTimersOnlyAndKeepsTheSharedSchedulerRunning() throws Exception {
        ScheduledExecutorService shared = Executors.newSingleThreadScheduledExecutor();
        try {
            SharedEngineTimers.View mine = new SharedEngineTimers.View(shared);
            SharedEngineTimers.View theirs = new SharedEngineTimers.View(shared);
            AtomicBoolean mineRan = new AtomicBoolean();
            AtomicBoolean theirsRan = new AtomicBoolean();
            ScheduledFuture<?> myTimer = mine.schedule(() -> mineRan.set(true), 1, TimeUnit.HOURS);
            theirs.schedule(() -> theirsRan.set(true), 10, TimeUnit.MILLISECONDS);

            mine.shutdown(); // what engine.io does when its connection closes

            assertTrue(mine.isShutdown());
            assertTrue(myTimer.isCancelled());
            assertFalse(shared.isShutdown());
            assertFalse(theirs.isShutdown());
            await().atMost(Duration.ofSeconds(10)).until(theirsRan::get);
            assertFalse(mineRan.get());
            assertTrue(mine.isTerminated());
            // As any executor after shutdown: refused (engine.io makes itself a new one when it finds this one shut).
            assertThrows(
                    RejectedExecutionException.class,
                    () -> mine.schedule(() -> mineRan.set(true), 0, TimeUnit.MILLISECONDS));
        } finally {
            shared.shutdownNow();
        }
    }
}
