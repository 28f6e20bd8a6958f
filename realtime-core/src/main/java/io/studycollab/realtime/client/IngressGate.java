package io.studycollab.realtime.client;

import io.socket.thread.EventThread;
import io.studycollab.realtime.events.DropTally;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
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
 * thread: while more than {@code maxFrames} frames or {@code maxChars} characters wait, Socket.IO
 * events (and the binary attachments of a dropped binary event) are dropped and counted, never
 * blocked on; everything else (Engine.IO ping, close, CONNECT, acks) always passes, so the
 * connection stays alive. The count reaches the stream as a {@code client:dropped} record, queued
 * on the event thread where the first event after the drops would have been.
 *
 * <p>Polling needs no gate: the library asks for the next payload only after handling the last.
 */
final class IngressGate implements WebSocket.Factory {

    static final int DEFAULT_MAX_FRAMES = 20_000;
    static final long DEFAULT_MAX_CHARS = 16L << 20;

    private final WebSocket.Factory delegate;
    private final Clock clock;
    private final Consumer<EventRecord> publish;
    private final int maxFrames;
    private final long maxChars;
    private final AtomicLong waitingFrames = new AtomicLong();
    private final AtomicLong waitingChars = new AtomicLong();
    private final DropTally drops = new DropTally("ingress");

    IngressGate(WebSocket.Factory delegate, Clock clock, Consumer<EventRecord> publish, int maxFrames, long maxChars) {
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

    /** Hands a frame to the library and counts it as waiting until the event thread gets past it. */
    private void pass(long chars, Runnable deliver) {
        if (drops.pending()) {
            EventThread.exec(this::reportDrops);
        }
        waitingFrames.incrementAndGet();
        waitingChars.addAndGet(chars);
        deliver.run();
        // The event thread runs tasks in order: this one runs once the frame's own task is done.
        EventThread.exec(() -> {
            waitingFrames.decrementAndGet();
            waitingChars.addAndGet(-chars);
        });
    }

    private void reportDrops() {
        EventRecord r = drops.take("client could not keep up: more than " + maxFrames + " frames or " + (maxChars >> 20)
                + " MiB waiting to be decoded");
        if (r != null) {
            publish.accept(r);
        }
    }

    /** One connection's listener; its fields are touched only by that connection's reader thread. */
    private final class Gated extends WebSocketListener {
        private final WebSocketListener inner;
        private int attachmentsToDrop;

        Gated(WebSocketListener inner) {
            this.inner = inner;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            inner.onOpen(webSocket, response);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            attachmentsToDrop = 0; // a text frame ends any run of attachments
            if (text != null && SocketIoFrame.isEvent(text) && full()) {
                drops.add(SocketIoFrame.eventName(text), text.length(), clock.wallMillis(), clock.monoNanos());
                attachmentsToDrop = SocketIoFrame.attachments(text);
                return;
            }
            pass(text == null ? 0 : text.length(), () -> inner.onMessage(webSocket, text));
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            if (attachmentsToDrop > 0) {
                attachmentsToDrop--;
                return; // belongs to the binary event dropped just before it (counted there)
            }
            pass(bytes.size(), () -> inner.onMessage(webSocket, bytes));
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            inner.onClosing(webSocket, code, reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            EventThread.exec(IngressGate.this::reportDrops);
            inner.onClosed(webSocket, code, reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            EventThread.exec(IngressGate.this::reportDrops);
            inner.onFailure(webSocket, t, response);
        }
    }
}
