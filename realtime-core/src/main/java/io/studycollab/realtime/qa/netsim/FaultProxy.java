package io.studycollab.realtime.qa.netsim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final Set<FaultLink> links = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<Consumer<NetworkProfile>> listeners = new CopyOnWriteArrayList<>();
    private final Object stallLock = new Object();
    private final AtomicLong cuts = new AtomicLong();
    private final Thread acceptor;
    private final Thread flakyTimer;
    private volatile NetworkProfile profile = new NetworkProfile.Normal();
    private volatile boolean closed;
    private final FaultLink.Network network = new FaultLink.Network() {
        @Override
        public NetworkProfile profile() {
            return profile;
        }

        @Override
        public void awaitNotStalled() throws InterruptedException {
            synchronized (stallLock) {
                while (profile instanceof NetworkProfile.Stall && !closed) {
                    stallLock.wait(500);
                }
            }
        }

        @Override
        public boolean remove(FaultLink link) {
            return links.remove(link);
        }
    };

    private FaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = FaultLink.daemon("fault-proxy-accept", this::acceptLoop);
        flakyTimer = FaultLink.daemon("fault-proxy-flaky", this::flakyLoop);
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
        for (FaultLink l : links) {
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
                FaultLink.closeQuietly(client);
                cuts.incrementAndGet();
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(target, 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                FaultLink link = new FaultLink(client, server, network);
                links.add(link);
                link.start();
            } catch (IOException e) {
                FaultLink.closeQuietly(client); // the server is down: the client sees a refused/closed connection
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
