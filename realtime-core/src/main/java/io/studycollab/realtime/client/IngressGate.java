package io.studycollab.realtime.client;

import io.studycollab.realtime.events.DropTally;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * Bounds what waits for socket.io's event thread. OkHttp's reader thread reads websocket frames as
 * fast as the server sends them and the library queues each onto the one event thread without
 * limit: a server flooding faster than the client decodes filled the heap (an OutOfMemoryError on
 * the reader thread, then a dropped connection). Frames pass through here first, on the reader
 * thread: while more than {@code maxFrames} frames or {@code maxChars} characters wait, a Socket.IO
 * event holds the reader thread (never the event thread) until there is room, so the flood backs
 * up into TCP and the server sends only as fast as we decode, losing nothing. Only when the event
 * thread makes no room for {@code maxWait} (it is stuck, not merely slower) are events (and the
 * binary attachments of a dropped binary event) dropped and counted. Everything else (Engine.IO
 * ping, close, CONNECT, acks) always passes; a ping waits at most behind the bounded backlog. The
 * count reaches the stream as a {@code client:dropped} record, queued on the event thread where the
 * first event after the drops would have been.
 *
 * <p>Polling needs no gate: the library asks for the next payload only after handling the last.
 */
final class IngressGate implements WebSocket.Factory {

    static final int DEFAULT_MAX_FRAMES = 2_048;
    static final long DEFAULT_MAX_CHARS = 4L << 20;
    static final long DEFAULT_MAX_WAIT_NANOS = 2_000_000_000L;
    /** How long the reader sleeps between looks at the backlog while it is full. */
    private static final long POLL_NANOS = 100_000L;

    private final WebSocket.Factory delegate;
    private final Clock clock;
    private final Consumer<EventRecord> publish;
    private final int maxFrames;
    private final long maxChars;
    private final long maxWaitNanos;
    private final AtomicLong waitingFrames = new AtomicLong();
    private final AtomicLong waitingChars = new AtomicLong();
    private final DropTally drops = new DropTally("ingress");

    IngressGate(WebSocket.Factory delegate, Clock clock, Consumer<EventRecord> publish, int maxFrames, long maxChars) {
        this(delegate, clock, publish, maxFrames, maxChars, DEFAULT_MAX_WAIT_NANOS);
    }

    IngressGate(
            WebSocket.Factory delegate,
            Clock clock,
            Consumer<EventRecord> publish,
            int maxFrames,
            long maxChars,
            long maxWaitNanos) {
        this.maxWaitNanos = maxWaitNanos;
        this.delegate = delegate;
        this.clock = clock;
        this.publish = publish;
        this.maxFrames = maxFrames;
        this.maxChars = maxChars;
    }

    /** Socket.IO events dropped here since the client started. */
    long dropped() {
        return drops.total();
    }

    @Override
    public WebSocket newWebSocket(Request request, WebSocketListener listener) {
        return delegate.newWebSocket(request, new Gated(listener));
    }

    private boolean full() {
        return waitingFrames.get() >= maxFrames || waitingChars.get() >= maxChars;
    }

    /**
     * Holds the reader thread while the backlog is full: true once there is room, false when the
     * event thread made none for {@code maxWait} (then the caller drops).
     */
    private boolean awaitRoom() {
        if (!full()) {
            return true;
        }
        if (drops.pending()) {
            return false; // already dropping: the event thread is stuck, do not wait again per frame
        }
        long deadline = clock.monoNanos() + maxWaitNanos;
        while (full()) {
            if (clock.monoNanos() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /** On the event thread: a frame of {@code chars} characters is being delivered, so no longer waits. */
    private void taken(long chars) {
        waitingFrames.decrementAndGet();
        waitingChars.addAndGet(-chars);
    }

    private void reportDrops() {
        EventRecord r = drops.take("client could not keep up: more than " + maxFrames + " frames or " + (maxChars >> 20)
                + " MiB waiting to be decoded");
        if (r != null) {
            publish.accept(r);
        }
    }

    /**
     * One connection's listener: everything it is told goes to the event thread through one
     * {@link FrameRelay}, in order. Its fields are touched only by that connection's reader thread.
     */
    private final class Gated extends WebSocketListener {
        private final WebSocketListener inner;
        private final FrameRelay relay = new FrameRelay(IngressGate.this::taken);
        private int attachmentsToDrop;

        Gated(WebSocketListener inner) {
            this.inner = inner;
        }

        /** Queues a frame, after the report of any drops before it. */
        private void pass(long chars, JacksonEventDecoder.Predecoded pre, Runnable deliver) {
            reportDropsFirst();
            waitingFrames.incrementAndGet();
            waitingChars.addAndGet(chars);
            relay.add(chars, pre, deliver);
        }

        private void reportDropsFirst() {
            if (drops.pending()) {
                relay.add(FrameRelay.NOT_A_FRAME, null, IngressGate.this::reportDrops);
            }
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            relay.add(FrameRelay.NOT_A_FRAME, null, () -> inner.onOpen(webSocket, response));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            attachmentsToDrop = 0; // a text frame ends any run of attachments
            if (text != null && SocketIoFrame.isEvent(text) && !awaitRoom()) {
                drops.add(SocketIoFrame.eventName(text), text.length(), clock.wallMillis(), clock.monoNanos());
                attachmentsToDrop = SocketIoFrame.attachments(text);
                return;
            }
            // Parsed here, on the reader thread, beside the event thread rather than on it.
            JacksonEventDecoder.Predecoded pre = text == null ? null : JacksonEventDecoder.predecode(text);
            pass(text == null ? 0 : text.length(), pre, () -> inner.onMessage(webSocket, text));
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            if (attachmentsToDrop > 0) {
                attachmentsToDrop--;
                return; // belongs to the binary event dropped just before it (counted there)
            }
            pass(bytes.size(), null, () -> inner.onMessage(webSocket, bytes));
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            relay.add(FrameRelay.NOT_A_FRAME, null, () -> inner.onClosing(webSocket, code, reason));
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            relay.add(FrameRelay.NOT_A_FRAME, null, IngressGate.this::reportDrops);
            relay.add(FrameRelay.NOT_A_FRAME, null, () -> inner.onClosed(webSocket, code, reason));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            relay.add(FrameRelay.NOT_A_FRAME, null, IngressGate.this::reportDrops);
            relay.add(FrameRelay.NOT_A_FRAME, null, () -> inner.onFailure(webSocket, t, response));
        }
    }
}
