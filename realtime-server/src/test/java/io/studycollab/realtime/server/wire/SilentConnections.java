package io.studycollab.realtime.server.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many Engine.IO connections that open and then say nothing, as an attacker holds them: raw
 * sockets on one selector thread (a JDK websocket client per connection would cost two threads
 * each). A websocket one sends its upgrade request and reads frames, never answering a ping; a
 * polling one makes its open request and never polls again. Each remembers what the server did.
 */
public final class SilentConnections implements AutoCloseable {

    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    /** One raw connection and what came back on it. */
    public static final class Conn {
        final boolean websocket;
        final SocketChannel channel;
        final ByteArrayOutputStream in = new ByteArrayOutputStream();
        final ByteBuffer request;
        volatile boolean opened;
        volatile String sid;
        volatile int closeCode; // 0 until closed; -1 when the connection ended without a close frame
        volatile boolean ended;

        Conn(boolean websocket, SocketChannel channel, String request) {
            this.websocket = websocket;
            this.channel = channel;
            this.request = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        }

        /** The Engine.IO open packet arrived. */
        public boolean opened() {
            return opened;
        }

        /** The server closed it: a close frame (websocket) or the end of the connection. */
        public boolean closed() {
            return closeCode != 0 || ended;
        }

        /** The websocket close code; -1 when none came; 0 while open. */
        public int closeCode() {
            return closeCode;
        }

        /** The Engine.IO session id of a polling connection. */
        public String sid() {
            return sid;
        }
    }

    private final Selector selector;
    private final Thread reader;
    private final List<Conn> all = new ArrayList<>();
    private final ConcurrentLinkedQueue<Conn> toRegister = new ConcurrentLinkedQueue<>();
    private final String host;
    private final int port;

    public SilentConnections(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.selector = Selector.open();
        this.reader = new Thread(this::run, "silent-connections");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code n} connections of one transport; returns them (they connect in the background). */
    public synchronized List<Conn> open(int n, boolean websocket) throws IOException {
        List<Conn> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.connect(new InetSocketAddress(host, port));
            String request = websocket
                    ? "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: " + host + ":" + port
                            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
                    : "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: " + host + ":" + port
                            + "\r\nConnection: close\r\n\r\n";
            Conn c = new Conn(websocket, ch, request);
            made.add(c);
            all.add(c);
            toRegister.add(c);
        }
        selector.wakeup();
        return made;
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
        try {
            while (!Thread.currentThread().isInterrupted() && selector.isOpen()) {
                selector.select(100);
                for (Conn c; (c = toRegister.poll()) != null; ) {
                    c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    try {
                        if (key.isConnectable() && c.channel.finishConnect()) {
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                        if (key.isValid() && key.isWritable()) {
                            c.channel.write(c.request);
                            if (!c.request.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        }
                        if (key.isValid() && key.isReadable()) {
                            buf.clear();
                            int n = c.channel.read(buf);
                            if (n < 0) {
                                end(c, key);
                            } else {
                                c.in.write(buf.array(), 0, n);
                                parse(c);
                            }
                        }
                    } catch (IOException e) {
                        end(c, key);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            // closed under us: close() is ending the reader
        }
    }

    private static void end(Conn c, SelectionKey key) {
        c.ended = true;
        if (c.websocket && c.closeCode == 0) {
            c.closeCode = -1;
        }
        key.cancel();
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Reads what has arrived so far: the open packet, and for a websocket a close frame. */
    private static void parse(Conn c) {
        byte[] b = c.in.toByteArray();
        int headerEnd = indexOf(b, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (headerEnd < 0) {
            return;
        }
        int at = headerEnd + 4;
        if (!c.websocket) {
            String body = new String(b, at, b.length - at, StandardCharsets.UTF_8);
            Matcher m = SID.matcher(body);
            if (body.startsWith("0{") && m.find()) {
                c.sid = m.group(1);
                c.opened = true;
            }
            return;
        }
        while (at + 2 <= b.length) { // server frames are unmasked
            int opcode = b[at] & 0x0F;
            long len = b[at + 1] & 0x7F;
            int head = 2;
            if (len == 126) {
                if (at + 4 > b.length) {
                    return;
                }
                len = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
                head = 4;
            } else if (len == 127) {
                if (at + 10 > b.length) {
                    return;
                }
                len = 0;
                for (int i = 2; i < 10; i++) {
                    len = (len << 8) | (b[at + i] & 0xFF);
                }
                head = 10;
            }
            if (at + head + len > b.length) {
                return;
            }
            int payload = at + head;
            if (opcode == 1 && len >= 2 && b[payload] == '0' && b[payload + 1] == '{') {
                c.opened = true;
            } else if (opcode == 8) {
                c.closeCode = len >= 2 ? ((b[payload] & 0xFF) << 8) | (b[payload + 1] & 0xFF) : 1005;
            }
            at = payload + (int) len;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public synchronized void close() {
        reader.interrupt();
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Conn c : all) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
