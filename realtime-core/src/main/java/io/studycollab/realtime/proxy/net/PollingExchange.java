package io.studycollab.realtime.proxy.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.Future;
import io.studycollab.realtime.proxy.ConnectionRegistry;
import io.studycollab.realtime.proxy.Flow;
import io.studycollab.realtime.proxy.Interceptor;
import io.studycollab.realtime.proxy.PacketSink;
import io.studycollab.realtime.proxy.ProxyConnection;
import io.studycollab.realtime.proxy.wire.EioPacket;
import io.studycollab.realtime.proxy.wire.PollingPayload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The long-polling side of one connection, split in two so the proxy can hold, drop and inject:
 * down, the client's GET waits for the proxy's own queue, which one upstream GET at a time fills;
 * up, each client POST's packets pass the lanes and what comes out is POSTed upstream one body at
 * a time (the client gets the server's answer, or the proxy's {@code ok} when nothing was left to send).
 * When every packet passes unchanged the bodies on the wire are the client's and the server's own.
 */
final class PollingExchange {

    private static final String TEXT = "text/plain; charset=UTF-8";

    private final ProxyConnection conn;
    private final Upstream upstream;
    private final Interceptor interceptor;
    private final ConnectionRegistry registry;
    private final Runnable onClose;

    // down
    private final ArrayDeque<EioPacket> downQueue = new ArrayDeque<>();
    private ChannelHandlerContext parked;
    private boolean parkedKeepAlive;
    private String getUri;
    private HttpHeaders getHeaders;
    private boolean getInFlight;
    // while the packets of one upstream answer pass the lanes: answer the client once, at the end
    private boolean collectingDown;
    private volatile HttpHeaders lastHeaders;
    private boolean closed;

    // up
    private final List<EioPacket> upBuffer = new ArrayList<>();
    private int collecting;
    private final UpstreamPosts posts;
    // the long-polls go one after another on one kept-alive upstream connection
    private final UpstreamLine getLine;
    private volatile EventLoop loop;

    final PacketSink toServer = this::sendUp;
    final PacketSink toClient = this::sendDown;

    PollingExchange(
            ProxyConnection conn,
            Upstream upstream,
            Interceptor interceptor,
            ConnectionRegistry registry,
            EventLoop loop,
            Runnable onClose) {
        this.conn = conn;
        this.loop = loop;
        this.posts = new UpstreamPosts(upstream, this::answeredWith);
        this.getLine = new UpstreamLine(upstream);
        this.upstream = upstream;
        this.interceptor = interceptor;
        this.registry = registry;
        this.onClose = onClose;
        conn.polling(toServer, toClient);
        conn.onUpgrade(this::handOver);
    }

    /**
     * The client upgraded: it polls no more, so what the proxy already took from the server for it
     * (a ping sent during the probe, say) goes over the websocket, as the server would have sent it.
     */
    private void handOver() {
        // no more polls or POSTs from this client: the kept-alive upstream connections close once idle
        getLine.close();
        posts.close();
        List<EioPacket> left;
        synchronized (this) {
            if (parked != null || downQueue.isEmpty()) {
                return;
            }
            left = new ArrayList<>(downQueue);
            downQueue.clear();
        }
        conn.sink(Flow.DOWN).send(left);
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (req.method().equals(HttpMethod.GET)) {
            clientGet(ctx, req);
        } else if (req.method().equals(HttpMethod.POST)) {
            clientPost(ctx, req);
        } else {
            PlainForward.forward(upstream, ctx, req);
        }
    }

    private void clientGet(ChannelHandlerContext ctx, FullHttpRequest req) {
        synchronized (this) {
            if (parked == null && !closed) {
                parked = ctx;
                parkedKeepAlive = HttpUtil.isKeepAlive(req);
                getUri = req.uri();
                // kept as they are, not copied: a request's headers are never changed after it was read
                getHeaders = req.headers();
                req.release();
                if (!downQueue.isEmpty()) {
                    flushDown();
                } else if (!getInFlight) {
                    issueGet();
                }
                return;
            }
        }
        // a second GET while one waits: the server decides (it refuses overlapping polls)
        PlainForward.forward(upstream, ctx, req);
    }

    /** Caller holds the lock. */
    private void issueGet() {
        getInFlight = true;
        FullHttpRequest out = upstream.request(HttpMethod.GET, getUri, getHeaders, Unpooled.EMPTY_BUFFER);
        getLine.send(parked.channel().eventLoop(), out).addListener((Future<FullHttpResponse> f) -> onGetAnswer(f));
    }

    private void onGetAnswer(Future<FullHttpResponse> f) {
        List<EioPacket> packets = null;
        synchronized (this) {
            getInFlight = false;
            if (!f.isSuccess()) {
                if (parked != null) {
                    Responses.badGateway(parked, f.cause());
                    parked = null;
                }
                close("server unreachable");
                return;
            }
            FullHttpResponse resp = f.getNow();
            lastHeaders = resp.headers(); // never changed after it was read: no copy needed
            if (resp.status().code() != 200) {
                if (parked != null) {
                    Responses.relay(parked, parkedKeepAlive, resp);
                    parked = null;
                } else {
                    resp.release();
                }
                close("server answered " + resp.status().code());
                return;
            }
            try {
                packets = PollingPayload.decode(resp.content().toString(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // not Engine.IO: hand it over as it came
                if (parked != null) {
                    Responses.relay(parked, parkedKeepAlive, resp);
                    parked = null;
                } else {
                    resp.release();
                }
                return;
            }
            resp.release();
            // the packets of one answer go to the client together, in one answer of its own poll
            collectingDown = true;
        }
        boolean closing = false;
        try {
            for (EioPacket p : packets) {
                closing |= p.type() == EioPacket.CLOSE;
                interceptor.onPacket(conn, Flow.DOWN, p, toClient);
            }
        } finally {
            synchronized (this) {
                collectingDown = false;
                flushDown();
                // Everything was held or dropped: keep the client's poll open. Not when a GET is
                // upstream already: the client's next poll (on another worker) may have sent one
                // since this answer came, and two overlapping polls make the server close the session.
                if (parked != null
                        && downQueue.isEmpty()
                        && !getInFlight
                        && !closing
                        && !closed
                        && !conn.isUpgraded()) {
                    issueGet();
                }
            }
        }
        if (closing) {
            close("server closed");
        }
    }

    private void sendDown(List<EioPacket> packets) {
        synchronized (this) {
            if (conn.isUpgraded() && parked == null) {
                conn.sink(Flow.DOWN).send(packets);
                return;
            }
            downQueue.addAll(packets);
            if (!collectingDown) {
                flushDown();
            }
        }
    }

    /** Caller holds the lock. */
    private void flushDown() {
        if (parked == null || downQueue.isEmpty()) {
            return;
        }
        String body = PollingPayload.encode(new ArrayList<>(downQueue));
        downQueue.clear();
        Responses.answer(parked, parkedKeepAlive, HttpResponseStatus.OK, lastHeaders, TEXT, body);
        parked = null;
    }

    private void clientPost(ChannelHandlerContext ctx, FullHttpRequest req) {
        String body = req.content().toString(StandardCharsets.UTF_8);
        List<EioPacket> packets;
        try {
            packets = PollingPayload.decode(body);
        } catch (IllegalArgumentException e) {
            PlainForward.forward(upstream, ctx, req); // the server answers a broken body as it would directly
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        posts.addressAs(req.uri(), req.headers());
        synchronized (this) {
            collecting++;
        }
        req.release();
        boolean closing = false;
        try {
            for (EioPacket p : packets) {
                closing |= p.type() == EioPacket.CLOSE;
                interceptor.onPacket(conn, Flow.UP, p, toServer);
            }
        } finally {
            synchronized (this) {
                collecting--;
                List<EioPacket> batch = new ArrayList<>(upBuffer);
                upBuffer.clear();
                if (batch.isEmpty()) {
                    Responses.answer(ctx, keepAlive, HttpResponseStatus.OK, lastHeaders, "text/html", "ok");
                } else {
                    posts.post(batch.equals(packets) ? body : PollingPayload.encode(batch), ctx, keepAlive, loop);
                }
            }
        }
        if (closing) {
            close("client closed");
        }
    }

    private void sendUp(List<EioPacket> packets) {
        synchronized (this) {
            upBuffer.addAll(packets);
            if (collecting == 0 && posts.addressed()) {
                posts.post(PollingPayload.encode(new ArrayList<>(upBuffer)), null, false, upLoop());
                upBuffer.clear();
            }
        }
    }

    /** Caller holds the lock: the loop of the client's waiting GET, else the one it opened on. */
    private EventLoop upLoop() {
        return parked != null ? parked.channel().eventLoop() : loop;
    }

    /** The loop of the client's latest request: the proxy's own POSTs run there when no GET waits. */
    void loop(EventLoop latest) {
        loop = latest;
    }

    /** The first answer's headers are the ones the proxy's own answers carry (as the server's would). */
    private void answeredWith(HttpHeaders headers) {
        if (lastHeaders == null) {
            lastHeaders = headers.copy();
        }
    }

    private void close(String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        getLine.close();
        posts.close();
        if (!conn.isUpgraded()) {
            registry.close(conn, reason);
        }
        onClose.run();
    }
}
