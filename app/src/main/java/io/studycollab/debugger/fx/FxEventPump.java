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
 * The one bridge from core to the FX thread. The hub's thread only appends batches to a queue;
 * once per pulse an {@link AnimationTimer} drains everything that arrived into one list, hands
 * it to the models, then lets them poll the latest client and presence state. However fast
 * events come, the FX thread sees one batch per frame and never one {@code runLater} per event.
 */
public final class FxEventPump implements AutoCloseable {

    private final ConcurrentLinkedQueue<List<EventRecord>> inbox = new ConcurrentLinkedQueue<>();
    private final List<Sink> batchSinks = new CopyOnWriteArrayList<>();
    private final List<Runnable> pulseTasks = new CopyOnWriteArrayList<>();
    private final EventHub.Subscription subscription;
    private final AnimationTimer timer;
    private volatile long lastPulseNanos;
    private volatile long maxPulseNanos;

    public FxEventPump(EventHub hub) {
        subscription = hub.subscribe(inbox::add);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
    }

    public void start() {
        timer.start();
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
        batchSinks.add(new Sink(sink, atMostEvery.toNanos()));
    }

    /** A batch consumer, and what is waiting for it when it wants batches less often than every pulse. */
    private static final class Sink {
        final Consumer<List<EventRecord>> consumer;
        final long intervalNanos;
        List<EventRecord> waiting;
        long lastDelivered = Long.MIN_VALUE / 2;

        Sink(Consumer<List<EventRecord>> consumer, long intervalNanos) {
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
            if (waiting != null && now - lastDelivered >= intervalNanos) {
                List<EventRecord> out = Collections.unmodifiableList(waiting);
                waiting = null;
                lastDelivered = now;
                consumer.accept(out);
            }
        }
    }

    /** Called on every pulse after the batch, to read the latest snapshots. */
    public void onPulse(Runnable task) {
        pulseTasks.add(task);
    }

    /** Runs one pulse now (the timer does this every frame; tests may call it on the FX thread). */
    public void pulse() {
        pulse(System.nanoTime());
    }

    private void pulse(long now) {
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
        for (Sink sink : batchSinks) {
            sink.offer(view, now);
        }
        for (Runnable task : pulseTasks) {
            task.run();
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
        timer.stop();
        subscription.unsubscribe();
        inbox.clear();
    }
}
