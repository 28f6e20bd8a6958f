package io.studycollab.realtime.client.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One websocket of {@link NettyWebSockets}, as OkHttp's {@link WebSocket}: sends from any thread,
 * messages sent before the handshake completes wait for it, and the listener hears exactly one
 * end, {@code onClosed} or {@code onFailure}. As in OkHttp, more than 16 MiB waiting to be written
 * closes the socket (1001) rather than queueing without bound.
 */
final class NettyWebSocket implements WebSocket {

    private final Request request;
    private final WebSocketListener listener;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final List<WebSocketFrame> beforeOpen = new ArrayList<>();
    private volatile Channel channel;
    private boolean open; // guarded by beforeOpen
    private volatile boolean closeSent;

    NettyWebSocket(Request request, WebSocketListener listener) {
        this.request = request;
        this.listener = listener;
    }

    void attach(Channel ch) {
        this.channel = ch;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public long queueSize() {
        return queuedBytes.get();
    }

    @Override
    public boolean send(String text) {
        return enqueue(new TextWebSocketFrame(text), text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Override
    public boolean send(ByteString bytes) {
        return enqueue(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes.toByteArray())), bytes.size());
    }

    private boolean enqueue(WebSocketFrame frame, long size) {
        if (closeSent || ended.get()) {
            frame.release();
            return false;
        }
        if (queuedBytes.get() + size > NettyWebSockets.MAX_MESSAGE_BYTES) {
            frame.release();
            close(1001, null);
            return false;
        }
        queuedBytes.addAndGet(size);
        synchronized (beforeOpen) {
            if (!open) {
                beforeOpen.add(frame);
                return true;
            }
        }
        write(frame, size);
        return true;
    }

    private void write(WebSocketFrame frame, long size) {
        channel.writeAndFlush(frame).addListener(f -> queuedBytes.addAndGet(-size));
    }

    @Override
    public boolean close(int code, String reason) {
        if (closeSent || ended.get()) {
            return false;
        }
        closeSent = true;
        Channel ch = channel;
        synchronized (beforeOpen) {
            if (!open) {
                // No handshake yet: nothing to say goodbye on. OkHttp would send the close after it; ending now is
                // simpler and loses nothing (nothing was delivered).
                beforeOpen.forEach(WebSocketFrame::release);
                beforeOpen.clear();
                if (ch != null) {
                    ch.close();
                }
                ended(code, reason == null ? "" : reason);
                return true;
            }
        }
        ch.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        return true;
    }

    @Override
    public void cancel() {
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    // ---------------------------------------------------------------- from the handler, on the event loop

    void opened(Response response) {
        List<WebSocketFrame> waiting;
        synchronized (beforeOpen) {
            open = true;
            waiting = new ArrayList<>(beforeOpen);
            beforeOpen.clear();
        }
        listener.onOpen(this, response);
        for (WebSocketFrame f : waiting) {
            long size = f.content().readableBytes();
            write(f, size);
        }
    }

    void text(String text) {
        if (!ended.get()) {
            listener.onMessage(this, text);
        }
    }

    void binary(ByteString bytes) {
        if (!ended.get()) {
            listener.onMessage(this, bytes);
        }
    }

    /** The server said goodbye: tell the listener, answer once, then the channel closes. */
    void closing(int code, String reason) {
        if (ended.get()) {
            return;
        }
        listener.onClosing(this, code, reason);
        if (!closeSent) {
            closeSent = true;
            channel.writeAndFlush(new CloseWebSocketFrame(code < 0 ? 1000 : code, null))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
        ended(code, reason);
    }

    /** The channel ended without a close handshake (or the connect or handshake failed). */
    void failed(Throwable cause) {
        if (ended.compareAndSet(false, true)) {
            Channel ch = channel;
            if (ch != null) {
                ch.close();
            }
            listener.onFailure(this, cause, null);
        }
    }

    /** After we asked to close and the channel is gone. */
    void closedByUs() {
        ended(1000, "");
    }

    boolean closeSent() {
        return closeSent;
    }

    private void ended(int code, String reason) {
        if (ended.compareAndSet(false, true)) {
            listener.onClosed(this, code, reason);
        }
    }
}
