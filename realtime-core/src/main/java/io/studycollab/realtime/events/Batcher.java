package io.studycollab.realtime.events;

import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects values and delivers them as one list when {@code maxSize} is reached or {@code window} after the first. */
public final class Batcher<T> implements AutoCloseable {

    private final Clock clock;
    private final Duration window;
    private final int maxSize;
    private final Consumer<List<T>> sink;
    private List<T> buffer = new ArrayList<>();
    private Clock.Cancellable timer;
    private boolean closed;

    public Batcher(Clock clock, Duration window, int maxSize, Consumer<List<T>> sink) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1");
        }
        this.clock = clock;
        this.window = window;
        this.maxSize = maxSize;
        this.sink = sink;
    }

    public void submit(T value) {
        List<T> full = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            buffer.add(value);
            if (buffer.size() >= maxSize) {
                full = take();
            } else if (timer == null) {
                timer = clock.schedule(window, this::flush);
            }
        }
        if (full != null) {
            sink.accept(full);
        }
    }

    /** Delivers whatever is buffered now. */
    public void flush() {
        List<T> out;
        synchronized (this) {
            out = buffer.isEmpty() ? null : take();
            timer = null;
        }
        if (out != null) {
            sink.accept(out);
        }
    }

    private List<T> take() {
        List<T> out = buffer;
        buffer = new ArrayList<>();
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        return out;
    }

    /** Delivers what is buffered, then accepts nothing more. */
    @Override
    public void close() {
        flush();
        synchronized (this) {
            closed = true;
        }
    }
}
