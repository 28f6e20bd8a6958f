package io.studycollab.realtime.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flooding Engine.IO v4 / Socket.IO v5 server for ingest benchmarks, in the style of the fault
 * suite's hostile server: it admits anyone over a websocket and, when a client emits
 * {@code hostile:flood N}, writes N {@code user:cursor:updated} events as pre-encoded websocket
 * frames, as fast as the socket takes them. Nothing is serialised per event (a block of distinct
 * frames is encoded once and written again and again), so the receiver, not the sender, is the
 * bottleneck; {@link #cpuNanos()} shows how busy the sender was.
 *
 * <p>Websocket only (the clients under test start on it), no compression, no pings during a run
 * (the ping interval is longer than any round).
 */
final class EngineIoFlooder implements AutoCloseable {

    static final String EVENT = "user:cursor:updated";
    private static final int BLOCK = 10_000;
    private static final Pattern FLOOD = Pattern.compile("^42\\[\"hostile:flood\",(\\d+)\\]$");

    private final NioEventLoopGroup group;
    private final Channel server;
    private final ByteBuf frames;
    private final int[] offsets = new int[BLOCK + 1];
    private final List<Thread> threads = new ArrayList<>();

    EngineIoFlooder() throws InterruptedException {
        frames = encodeBlock();
        DefaultThreadFactory factory = new DefaultThreadFactory("flooder") {
            @Override
            protected Thread newThread(Runnable r, String name) {
                Thread t = super.newThread(r, name);
                synchronized (threads) {
                    threads.add(t);
                }
                return t;
            }
        };
        group = new NioEventLoopGroup(1, factory);
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 << 10, 1 << 20))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(1 << 16))
                                .addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/socket.io/")
                                        .checkStartsWith(true)
                                        .allowExtensions(false)
                                        .build()))
                                .addLast(new Session());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    String url() {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** CPU time the flooder's threads have used so far. */
    long cpuNanos() {
        var mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        synchronized (threads) {
            for (Thread t : threads) {
                long c = mx.getThreadCpuTime(t.getId());
                sum += Math.max(0, c);
            }
        }
        return sum;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        frames.release();
    }

    /** BLOCK distinct cursor events (50 users, moving), each a whole unmasked websocket text frame. */
    private ByteBuf encodeBlock() {
        ByteBuf buf = Unpooled.directBuffer(BLOCK * 128);
        for (int i = 0; i < BLOCK; i++) {
            offsets[i] = buf.writerIndex();
            String packet = "42[\"" + EVENT + "\",{\"groupId\":\"bench\",\"userId\":\"user-" + (i % 50)
                    + "\",\"cursor\":{\"x\":" + (i * 7 % 1600) + ",\"y\":" + (i * 13 % 1000) + ".5},\"ts\":"
                    + (1_700_000_000_000L + i) + "}]";
            byte[] payload = packet.getBytes(StandardCharsets.UTF_8);
            buf.writeByte(0x81); // FIN + text
            if (payload.length < 126) {
                buf.writeByte(payload.length);
            } else {
                buf.writeByte(126).writeShort(payload.length);
            }
            buf.writeBytes(payload);
        }
        offsets[BLOCK] = buf.writerIndex();
        return buf;
    }

    /** One client: handshake, CONNECT, then floods on request. Runs on the event loop only. */
    private final class Session extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private long remaining;
        private int next;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                ctx.writeAndFlush(
                        new TextWebSocketFrame(
                                "0{\"sid\":\"flood" + ctx.channel().id().asShortText()
                                        + "\",\"upgrades\":[],\"pingInterval\":600000,\"pingTimeout\":600000,\"maxPayload\":1000000}"));
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            String text = frame.text();
            if (text.startsWith("40")) {
                ctx.writeAndFlush(new TextWebSocketFrame(
                        "40{\"sid\":\"s" + ctx.channel().id().asShortText() + "\"}"));
                return;
            }
            Matcher m = FLOOD.matcher(text);
            if (m.matches()) {
                remaining = Long.parseLong(m.group(1));
                write(ctx);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            write(ctx);
            super.channelWritabilityChanged(ctx);
        }

        /** Writes until the socket's buffer is full (resumed when it drains) or the flood is sent. */
        private void write(ChannelHandlerContext ctx) {
            Channel ch = ctx.channel();
            while (remaining > 0 && ch.isWritable()) {
                int count = (int) Math.min(remaining, Math.min(1_000, BLOCK - next));
                int from = offsets[next];
                ch.write(frames.retainedSlice(from, offsets[next + count] - from));
                remaining -= count;
                next = (next + count) % BLOCK;
            }
            ch.flush();
        }
    }
}
