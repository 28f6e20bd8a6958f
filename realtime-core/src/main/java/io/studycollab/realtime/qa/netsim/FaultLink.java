package io.studycollab.realtime.qa.netsim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One connection through the {@link FaultProxy}: two directions, each a reader thread feeding a
 * writer thread through a delay queue, so latency, jitter, bandwidth and stalls apply per chunk
 * as the proxy's current profile says, and a later chunk never overtakes an earlier one.
 */
final class FaultLink {

    /** What the links read from their proxy. */
    interface Network {
        NetworkProfile profile();

        /** Returns once the network is not stalled (or the proxy closed). */
        void awaitNotStalled() throws InterruptedException;

        /** The link closes; true the first time (the proxy forgets it). */
        boolean remove(FaultLink link);
    }

    private final Socket client;
    private final Socket server;
    private final Network network;
    private final Pipe up;
    private final Pipe down;

    FaultLink(Socket client, Socket server, Network network) throws IOException {
        this.client = client;
        this.server = server;
        this.network = network;
        this.up = new Pipe("up", client.getInputStream(), server.getOutputStream());
        this.down = new Pipe("down", server.getInputStream(), client.getOutputStream());
    }

    void start() {
        up.start();
        down.start();
    }

    void close() {
        if (network.remove(this)) {
            closeQuietly(client);
            closeQuietly(server);
            up.stop();
            down.stop();
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

        Pipe(String name, InputStream in, OutputStream out) {
            reader = daemon("fault-proxy-" + name + "-read", () -> read(in));
            writer = daemon("fault-proxy-" + name + "-write", () -> write(out));
        }

        void start() {
            reader.start();
            writer.start();
        }

        void stop() {
            reader.interrupt();
            writer.interrupt();
        }

        private void read(InputStream in) {
            byte[] buf = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    long due = System.nanoTime();
                    if (network.profile() instanceof NetworkProfile.Latency l) {
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

        private void write(OutputStream out) {
            try {
                while (true) {
                    Chunk c = queue.take();
                    if (c.bytes() == null) {
                        break;
                    }
                    network.awaitNotStalled();
                    if (network.profile() instanceof NetworkProfile.Bandwidth b && b.bytesPerSecond() > 0) {
                        writeThrottled(out, c.bytes(), b.bytesPerSecond());
                    } else {
                        out.write(c.bytes());
                        out.flush();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // closed, cut or stopped
            } finally {
                close();
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

    static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
