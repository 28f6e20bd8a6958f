package io.studycollab.realtime.qa.netsim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on loopback that puts a bad network between a client and a server, switchable
 * while connections are open ({@link NetworkProfile}). Point a client at {@link #url()} instead
 * of the server. Each connection gets a reader and a writer thread per direction; all are daemon
 * threads owned by the proxy and stopped by {@link #close()}.
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<Consumer<NetworkProfile>> listeners = new CopyOnWriteArrayList<>();
    private final Object stallLock = new Object();
    private final AtomicLong cuts = new AtomicLong();
    private final Thread acceptor;
    private final Thread flakyTimer;
    private volatile NetworkProfile profile = new NetworkProfile.Normal();
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = daemon("fault-proxy-accept", this::acceptLoop);
        flakyTimer = daemon("fault-proxy-flaky", this::flakyLoop);
    }

    /** A proxy on a free loopback port forwarding to {@code host:port}. */
    public static FaultProxy start(String host, int port) throws IOException {
        FaultProxy p = new FaultProxy(new InetSocketAddress(host, port));
        p.acceptor.start();
        p.flakyTimer.start();
        return p;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public NetworkProfile profile() {
        return profile;
    }

    /** Connections open through the proxy now. */
    public int connections() {
        return links.size();
    }

    /** Connections cut by the proxy so far (offline and flaky). */
    public long cuts() {
        return cuts.get();
    }

    /** Called on the switching thread after every change. */
    public void onChange(Consumer<NetworkProfile> listener) {
        listeners.add(listener);
    }

    /** Switches the profile for every open and future connection. */
    public void set(NetworkProfile next) {
        NetworkProfile previous = profile;
        profile = next;
        if (next instanceof NetworkProfile.Offline) {
            cutAll();
        }
        if (previous instanceof NetworkProfile.Stall && !(next instanceof NetworkProfile.Stall)) {
            synchronized (stallLock) {
                stallLock.notifyAll();
            }
        }
        synchronized (this) {
            notifyAll(); // wakes the flaky timer to re-read its interval
        }
        for (Consumer<NetworkProfile> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("profile listener failed", e);
            }
        }
    }

    private void cutAll() {
        for (Link l : links) {
            l.close();
            cuts.incrementAndGet();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("fault proxy stopped accepting: {}", e.toString());
                }
                return;
            }
            if (profile instanceof NetworkProfile.Offline) {
                closeQuietly(client);
                cuts.incrementAndGet();
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(target, 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                closeQuietly(client); // the server is down: the client sees a refused/closed connection
            }
        }
    }

    private void flakyLoop() {
        while (!closed) {
            long waitMillis;
            synchronized (this) {
                waitMillis =
                        profile instanceof NetworkProfile.Flaky f ? f.every().toMillis() : 0;
                try {
                    if (waitMillis <= 0) {
                        wait();
                        continue;
                    }
                    long until = System.currentTimeMillis() + waitMillis;
                    while (!closed && profile instanceof NetworkProfile.Flaky && System.currentTimeMillis() < until) {
                        wait(Math.max(1, until - System.currentTimeMillis()));
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!closed && profile instanceof NetworkProfile.Flaky) {
                cutAll();
            }
        }
    }

    /** One proxied connection: two directions, each a reader feeding a delaying writer. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final Pipe up;
        private final Pipe down;

        Link(Socket client, Socket server) throws IOException {
            this.client = client;
            this.server = server;
            this.up = new Pipe("up", client.getInputStream(), server.getOutputStream(), this);
            this.down = new Pipe("down", server.getInputStream(), client.getOutputStream(), this);
        }

        void start() {
            up.start();
            down.start();
        }

        void close() {
            if (links.remove(this)) {
                closeQuietly(client);
                closeQuietly(server);
                up.stop();
                down.stop();
            }
        }
    }

    private record Chunk(byte[] bytes, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(dueNanos, ((Chunk) o).dueNanos);
        }
    }

    private final class Pipe {
        private final DelayQueue<Chunk> queue = new DelayQueue<>();
        private final Thread reader;
        private final Thread writer;
        private long lastDue;

        Pipe(String name, InputStream in, OutputStream out, Link link) {
            reader = daemon("fault-proxy-" + name + "-read", () -> read(in, link));
            writer = daemon("fault-proxy-" + name + "-write", () -> write(out, link));
        }

        void start() {
            reader.start();
            writer.start();
        }

        void stop() {
            reader.interrupt();
            writer.interrupt();
        }

        private void read(InputStream in, Link link) {
            byte[] buf = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    long due = System.nanoTime();
                    if (profile instanceof NetworkProfile.Latency l) {
                        long jitter = l.jitter().toNanos();
                        long delay = l.mean().toNanos()
                                + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
                        due += Math.max(0, delay);
                    }
                    // Never deliver a later chunk before an earlier one.
                    due = Math.max(due, lastDue);
                    lastDue = due;
                    queue.put(new Chunk(Arrays.copyOf(buf, n), due));
                }
            } catch (IOException e) {
                // connection closed or cut
            } finally {
                queue.put(new Chunk(null, Math.max(System.nanoTime(), lastDue)));
            }
        }

        private void write(OutputStream out, Link link) {
            try {
                while (true) {
                    Chunk c = queue.take();
                    if (c.bytes() == null) {
                        break;
                    }
                    awaitNotStalled();
                    if (profile instanceof NetworkProfile.Bandwidth b && b.bytesPerSecond() > 0) {
                        writeThrottled(out, c.bytes(), b.bytesPerSecond());
                    } else {
                        out.write(c.bytes());
                        out.flush();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // closed, cut or stopped
            } finally {
                link.close();
            }
        }
    }

    private void awaitNotStalled() throws InterruptedException {
        synchronized (stallLock) {
            while (profile instanceof NetworkProfile.Stall && !closed) {
                stallLock.wait(500);
            }
        }
    }

    private static void writeThrottled(OutputStream out, byte[] bytes, long rate)
            throws IOException, InterruptedException {
        int slice = (int) Math.max(1, Math.min(bytes.length, rate / 20)); // ~50 ms worth per write
        for (int off = 0; off < bytes.length; off += slice) {
            int len = Math.min(slice, bytes.length - off);
            out.write(bytes, off, len);
            out.flush();
            TimeUnit.NANOSECONDS.sleep(len * 1_000_000_000L / rate);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Closes every connection and the listening socket; the proxy's threads end. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        cutAll();
        synchronized (this) {
            notifyAll();
        }
        synchronized (stallLock) {
            stallLock.notifyAll();
        }
        flakyTimer.interrupt();
        try {
            acceptor.join(2_000);
            flakyTimer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + url() + " -> " + target + ", " + profile.describe() + "]";
    }
}
