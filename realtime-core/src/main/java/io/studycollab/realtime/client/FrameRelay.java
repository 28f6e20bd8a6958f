package io.studycollab.realtime.client;

import io.socket.thread.EventThread;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket's frames (and its open, close and failure) on their way from OkHttp's reader
 * thread to socket.io's event thread, in order, handed over in batches: one event-thread task
 * delivers every frame waiting (up to {@value #BATCH}, then it queues itself again so timers and
 * other connections get their turn). socket.io-client-java queues one task per frame and its
 * event thread ends whenever its queue runs empty, so under a flood the per-frame hand-off and a
 * new thread each time the reader fell behind cost more than decoding; delivered from inside one
 * task, the library's own hand-off runs in place ({@code EventThread.exec} runs a task at once on
 * the event thread).
 */
final class FrameRelay {

    private static final Logger LOG = LoggerFactory.getLogger(FrameRelay.class);
    static final int BATCH = 1024;
    /** {@link Step#chars} of a step that is no frame (open, close, a drop report): not counted as waiting. */
    static final long NOT_A_FRAME = -1;

    /** One thing to deliver, with the frame's size and its EVENT packet already parsed (or null). */
    private record Step(long chars, JacksonEventDecoder.Predecoded pre, Runnable deliver) {}

    private final ConcurrentLinkedQueue<Step> steps = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final LongConsumer taken;

    /** @param taken told, on the event thread, the size of each frame as it is delivered */
    FrameRelay(LongConsumer taken) {
        this.taken = taken;
    }

    /** From any thread: delivers {@code deliver} on the event thread after everything queued before it. */
    void add(long chars, JacksonEventDecoder.Predecoded pre, Runnable deliver) {
        steps.add(new Step(chars, pre, deliver));
        if (scheduled.compareAndSet(false, true)) {
            EventThread.nextTick(this::drain);
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Step s = steps.poll();
            if (s == null) {
                scheduled.set(false);
                // A step added between the poll and the reset found the task still scheduled: take it here.
                if (steps.isEmpty() || !scheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (s.chars() != NOT_A_FRAME) {
                taken.accept(s.chars());
            }
            JacksonEventDecoder.expect(s.pre());
            try {
                s.deliver().run();
            } catch (RuntimeException e) {
                // One bad frame must not stall the ones behind it (the library would lose its task too).
                LOG.warn("socket.io could not handle a frame; carrying on", e);
            } finally {
                JacksonEventDecoder.expect(null);
            }
        }
        EventThread.nextTick(this::drain);
    }
}
