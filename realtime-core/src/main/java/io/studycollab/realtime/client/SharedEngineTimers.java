package io.studycollab.realtime.client;

import io.socket.client.Manager;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * engine.io-client gives every connection a heartbeat thread of its own (a single-thread scheduler
 * for its ping timeout, {@code engine.io-client.heartbeat-N}): a swarm of 2,000 users had 2,000 of
 * them. The library makes the scheduler only when its field is still empty, so before the first
 * handshake (the transport is chosen first) this puts a view of one shared scheduler there: the
 * connection schedules on it as before, and its {@code shutdown()} (on close) cancels that
 * connection's timers only, never the shared scheduler. The field is the library's private one,
 * reached by reflection; if a later version renames it, connections keep their own threads (and a
 * warning says so) rather than fail.
 */
final class SharedEngineTimers {

    private static final Logger LOG = LoggerFactory.getLogger(SharedEngineTimers.class);
    private static final Field ENGINE;
    private static final Field SCHEDULER;

    static {
        Field engine = null;
        Field scheduler = null;
        try {
            engine = Manager.class.getDeclaredField("engine");
            engine.setAccessible(true);
            scheduler = io.socket.engineio.client.Socket.class.getDeclaredField("heartbeatScheduler");
            scheduler.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn(
                    "engine.io-client's heartbeat scheduler cannot be shared; each connection keeps its own thread", e);
            engine = null;
            scheduler = null;
        }
        ENGINE = engine;
        SCHEDULER = scheduler;
    }

    private SharedEngineTimers() {}

    /** Gives the engine {@code manager} opens a view of {@code shared} for its heartbeat timers. */
    static void use(Manager manager, ScheduledExecutorService shared) {
        if (ENGINE == null) {
            return;
        }
        manager.on(Manager.EVENT_TRANSPORT, args -> {
            try {
                Object engine = ENGINE.get(manager);
                if (engine != null && SCHEDULER.get(engine) == null) {
                    SCHEDULER.set(engine, new View(shared));
                }
            } catch (IllegalAccessException e) {
                LOG.warn("engine.io-client's heartbeat scheduler could not be shared", e);
            }
        });
    }

    /** One connection's view of the shared scheduler: shutting it down cancels only its own timers. */
    static final class View extends AbstractExecutorService implements ScheduledExecutorService {
        private final ScheduledExecutorService shared;
        private final Set<ScheduledFuture<?>> pending = ConcurrentHashMap.newKeySet();
        private volatile boolean shut;

        View(ScheduledExecutorService shared) {
            this.shared = shared;
        }

        private void open() {
            if (shut) {
                throw new RejectedExecutionException("this connection's timers were shut down");
            }
        }

        private <F extends ScheduledFuture<?>> F track(F f) {
            pending.add(f);
            pending.removeIf(ScheduledFuture::isDone);
            if (shut) {
                f.cancel(false);
            }
            return f;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            open();
            return track(shared.schedule(command, delay, unit));
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            open();
            return track(shared.schedule(callable, delay, unit));
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            open();
            return track(shared.scheduleAtFixedRate(command, initialDelay, period, unit));
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
            open();
            return track(shared.scheduleWithFixedDelay(command, initialDelay, delay, unit));
        }

        @Override
        public void execute(Runnable command) {
            schedule(command, 0, TimeUnit.NANOSECONDS);
        }

        @Override
        public void shutdown() {
            shut = true;
            pending.forEach(f -> f.cancel(false));
            pending.clear();
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown();
            return new ArrayList<>();
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut && pending.stream().allMatch(ScheduledFuture::isDone);
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return isTerminated();
        }

        /** Timers not yet run or cancelled (for tests). */
        Collection<ScheduledFuture<?>> pending() {
            pending.removeIf(ScheduledFuture::isDone);
            return pending;
        }
    }
}
