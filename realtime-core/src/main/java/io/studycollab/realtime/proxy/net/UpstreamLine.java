package io.studycollab.realtime.proxy.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One kept-alive upstream HTTP connection for exchanges that never overlap (a polling connection's
 * long-polls, or its POSTs): a fresh TCP connection per exchange cost the proxy more than the
 * packets it carried. Not reused: a connection the server closed or answered with
 * {@code Connection: close}, or one idle longer than {@link #MAX_IDLE_NANOS} (the server may be
 * closing it that very moment: Node's keep-alive timeout is 5 s); a new one is opened instead.
 */
final class UpstreamLine {

    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Upstream upstream;
    private final LongSupplier nanos;
    private Channel idle;
    private long idleSince;
    private boolean closed;

    UpstreamLine(Upstream upstream) {
        this(upstream, System::nanoTime);
    }

    /** With the clock that decides how long a connection has been idle (a test's, say). */
    UpstreamLine(Upstream upstream, LongSupplier nanos) {
        this.upstream = upstream;
        this.nanos = nanos;
    }

    /** Sends on the idle connection when it is still good, else on a new one (on {@code loop}). */
    Promise<FullHttpResponse> send(EventLoop loop, FullHttpRequest request) {
        Channel ch;
        boolean fresh;
        synchronized (this) {
            ch = idle;
            idle = null;
            fresh = nanos.getAsLong() - idleSince < MAX_IDLE_NANOS;
        }
        if (ch != null && ch.isActive() && fresh) {
            return Upstream.sendAgain(ch, request);
        }
        if (ch != null) {
            ch.close();
        }
        return upstream.send(loop, request, this::returned);
    }

    private void returned(Channel ch) {
        synchronized (this) {
            if (!closed && idle == null) {
                idle = ch;
                idleSince = nanos.getAsLong();
                return;
            }
        }
        ch.close();
    }

    /** The polling connection ended: its idle connection closes. */
    void close() {
        Channel ch;
        synchronized (this) {
            closed = true;
            ch = idle;
            idle = null;
        }
        if (ch != null) {
            ch.close();
        }
    }
}
