package io.studycollab.debugger.fx;

import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * The window's one frame loop and its one bridge from core to the FX thread. The hub's thread only
 * appends batches to a queue; once per pulse an {@link AnimationTimer} runs, in this order:
 *
 * <ol>
 *   <li>the batch: everything that arrived since the last pulse, merged into one list, to each
 *       {@link #onBatch batch sink} in registration order;
 *   <li>{@link Phase#MODELS}: models read the latest client and presence snapshots (and replay
 *       moves its playhead), so everything below sees this pulse's state;
 *   <li>{@link Phase#VIEWS}: views that draw per frame (the cursor board) or tick (countdowns).
 * </ol>
 *
 * Within a phase, work runs in registration order. However fast events come, the FX thread sees one
 * batch per frame, never one {@code runLater} per event, and no view runs a timer of its own: a view
 * drawn before the models refresh would show the previous pulse's state.
 */
public final class FxEventPump implements AutoCloseable {

    /** When in a pulse a piece of work runs. */
    public enum Phase {
        /** Right after the batch: models pull the latest snapshots. */
        MODELS,
        /** After every model: views that draw or count down. */
        VIEWS
    }

    /** Work done on the FX thread once per pulse; {@code nowNanos} is the pulse's timestamp. */
    @FunctionalInterface
    public interface PulseWork {
        void onPulse(long nowNanos);
    }

    /** Stops one registered piece of work; stopping twice is harmless. */
    @FunctionalInterface
    public interface Registration {
        void cancel();
    }

    private final ConcurrentLinkedQueue<List<EventRecord>> inbox = new ConcurrentLinkedQueue<>();
    private final List<BatchSink> batchSinks = new CopyOnWriteArrayList<>();
    private final List<List<Work>> phases = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    private final EventHub.Subscription subscription;
    private AnimationTimer timer;
    private volatile long lastPulseNanos;
    private volatile long maxPulseNanos;

    public FxEventPump(EventHub hub) {
        subscription = hub.subscribe(this::offer);
    }

    /** Starts pulsing with the display (on the FX thread). */
    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulse(now);
                }
            };
        }
        timer.start();
    }

    /** Called from the hub's thread: only queues, never touches the FX side. */
    void offer(List<EventRecord> batch) {
        inbox.add(batch);
    }

    /** Called once per pulse with everything that arrived since the last (never empty). */
    public void onBatch(Consumer<List<EventRecord>> sink) {
        onBatch(sink, Duration.ZERO);
    }

    /**
     * Like {@link #onBatch(Consumer)} but at most once per {@code atMostEvery}: what arrives in
     * between is kept and handed over together. For views a person reads, such as a table of
     * events, where refreshing faster than that only costs frames.
     */
    public void onBatch(Consumer<List<EventRecord>> sink, Duration atMostEvery) {
        batchSinks.add(new BatchSink(sink, atMostEvery.toNanos()));
    }

    /** Runs {@code work} on every pulse, in {@code phase}. */
    public Registration onPulse(Phase phase, PulseWork work) {
        return every(phase, Duration.ZERO, work);
    }

    /**
     * Runs {@code work} on the first pulse and then on the first pulse at least {@code interval}
     * after the last run: a ticker (countdowns, once-a-second figures) without a timer of its own.
     */
    public Registration every(Phase phase, Duration interval, PulseWork work) {
        Work w = new Work(work, interval.toNanos());
        List<Work> list = phases.get(phase.ordinal());
        list.add(w);
        return () -> list.remove(w);
    }

    /** Runs one pulse at {@code nowNanos} (the timer does this every frame; tests call it directly). */
    public void pulse(long nowNanos) {
        long start = System.nanoTime();
        List<EventRecord> merged = null;
        List<EventRecord> batch;
        while ((batch = inbox.poll()) != null) {
            if (merged == null) {
                merged = new ArrayList<>(batch.size() * 2);
            }
            merged.addAll(batch);
        }
        List<EventRecord> view = merged == null ? null : Collections.unmodifiableList(merged);
        for (BatchSink sink : batchSinks) {
            sink.offer(view, nowNanos);
        }
        for (List<Work> phase : phases) {
            for (Work w : phase) {
                w.run(nowNanos);
            }
        }
        lastPulseNanos = System.nanoTime() - start;
        maxPulseNanos = Math.max(maxPulseNanos, lastPulseNanos);
    }

    /** FX-thread time the last pulse took, for the status bar and benchmarks. */
    public long lastPulseNanos() {
        return lastPulseNanos;
    }

    public long maxPulseNanos() {
        return maxPulseNanos;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.stop();
        }
        subscription.unsubscribe();
        inbox.clear();
        batchSinks.clear();
        phases.forEach(List::clear);
    }

    /** A batch consumer, and what is waiting for it when it wants batches less often than every pulse. */
    private static final class BatchSink {
        final Consumer<List<EventRecord>> consumer;
        final long intervalNanos;
        List<EventRecord> waiting;
        long lastDelivered;
        boolean delivered;

        BatchSink(Consumer<List<EventRecord>> consumer, long intervalNanos) {
            this.consumer = consumer;
            this.intervalNanos = intervalNanos;
        }

        void offer(List<EventRecord> merged, long now) {
            if (intervalNanos == 0) {
                if (merged != null) {
                    consumer.accept(merged);
                }
                return;
            }
            if (merged != null) {
                if (waiting == null) {
                    waiting = new ArrayList<>(merged);
                } else {
                    waiting.addAll(merged);
                }
            }
            if (waiting != null && (!delivered || now - lastDelivered >= intervalNanos)) {
                List<EventRecord> out = Collections.unmodifiableList(waiting);
                waiting = null;
                lastDelivered = now;
                delivered = true;
                consumer.accept(out);
            }
        }
    }

    /** Per-pulse work, and when it last ran if it runs less often. */
    private static final class Work {
        final PulseWork work;
        final long intervalNanos;
        long lastRun;
        boolean ran;

        Work(PulseWork work, long intervalNanos) {
            this.work = work;
            this.intervalNanos = intervalNanos;
        }

        void run(long now) {
            if (ran && now - lastRun < intervalNanos) {
                return;
            }
            ran = true;
            lastRun = now;
            work.onPulse(now);
        }
    }
}
