package io.studycollab.realtime.server.limits;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoop;
import io.studycollab.realtime.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A loop that runs a probe late is behind, while it is late and after; a prompt probe clears it. */
class LoopLagTest {

    private static final long MS = 1_000_000L;

    @Test
    void aBlockedLoopIsBehindUntilItRunsAProbePromptlyAgain() throws Exception {
        ManualClock clock = new ManualClock();
        AtomicLong nanos = new AtomicLong();
        DefaultEventLoop loop = new DefaultEventLoop();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try (LoopLag lag = new LoopLag(clock, Duration.ofMillis(50), Duration.ofMillis(100), nanos::get)) {
            lag.watch(loop);
            lag.watch(loop); // once per loop
            assertFalse(lag.behind());
            assertEquals(1, clock.pendingTasks(), "probing armed with the first loop");

            loop.execute(() -> {
                try {
                    release.await(30, TimeUnit.SECONDS); // the loop busy with a flood
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            clock.advanceMillis(50); // a probe goes out at 0 ns
            nanos.set(99 * MS);
            assertFalse(lag.behind(), "waiting, not yet longer than the limit");
            nanos.set(150 * MS);
            assertTrue(lag.behind(), "its probe has waited 150 ms");
            clock.advanceMillis(50); // no second probe while one is pending
            release.countDown();
            loop.execute(ran::incrementAndGet);
            await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 1);
            assertTrue(lag.behind(), "its last probe took 150 ms");

            clock.advanceMillis(50); // the next probe runs at once
            await().atMost(Duration.ofSeconds(10)).until(() -> !lag.behind());
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        assertEquals(0, clock.pendingTasks(), "closed: no probe armed");
    }
}
