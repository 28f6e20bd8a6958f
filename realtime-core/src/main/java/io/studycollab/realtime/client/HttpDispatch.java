package io.studycollab.realtime.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;

/**
 * The OkHttp dispatcher our Socket.IO connections run their HTTP on: as OkHttp's own (threads made
 * on demand, idle ones gone after a minute), with room for many polling clients per host, and one
 * difference — once its owner shuts the executor down, a call enqueued later is dropped instead of
 * failed on the caller's stack.
 *
 * <p>Why: a polling transport closed while its handshake is in flight writes its close packet when
 * the handshake answer arrives, after the owner shut the executor down. OkHttp then fails that call
 * at once, on the same stack; engine.io-client-java handles the error by closing the transport,
 * which writes the close packet again — a recursion that ends in a StackOverflowError on an OkHttp
 * thread. Dropping the call ends it; the server learns of the close by the connection closing.
 */
final class HttpDispatch {

    private HttpDispatch() {}

    static Dispatcher newDispatcher() {
        Dispatcher dispatcher = new Dispatcher(executor());
        dispatcher.setMaxRequests(2048);
        dispatcher.setMaxRequestsPerHost(2048);
        return dispatcher;
    }

    static ExecutorService executor() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "OkHttp Dispatcher " + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.DiscardPolicy());
    }
}
