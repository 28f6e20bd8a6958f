package io.studycollab.realtime.proxy;

import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.breakpoint.Breakpoints;
import io.studycollab.realtime.proxy.inject.Injector;
import io.studycollab.realtime.proxy.net.ProxyRuntime;
import io.studycollab.realtime.proxy.net.Upstream;
import io.studycollab.realtime.proxy.rules.RuleSet;
import io.studycollab.realtime.time.Clock;
import java.util.function.Consumer;

/**
 * The intercepting proxy: clients connect to {@link #url()} instead of the server and everything
 * works as direct, while every Socket.IO packet of every connection becomes an {@link EventRecord}
 * (given to {@code publish}, typically an {@code EventHub}) and can be dropped, delayed, paused,
 * edited or joined by injected packets. Owns its Netty threads; {@link #close()} stops them.
 */
public final class ProxyServer implements AutoCloseable {

    /** Our read timeout on the server side; a long-poll is held up to pingInterval (25 s by default). */
    private static final int UPSTREAM_READ_TIMEOUT_SECONDS = 120;

    private final ProxyConfig config;
    private final Interceptor interceptor;
    private final ConnectionRegistry registry;
    private final ProxyRuntime runtime;

    private ProxyServer(ProxyConfig config, Clock clock, Consumer<EventRecord> publish, RuleSet rules)
            throws InterruptedException {
        this.config = config;
        this.interceptor = new Interceptor(clock, publish, rules, config.autoRelease());
        this.registry = new ConnectionRegistry(clock, interceptor);
        Upstream upstream = new Upstream(config.target(), config.maxBodyBytes(), UPSTREAM_READ_TIMEOUT_SECONDS);
        this.runtime = new ProxyRuntime(
                config.host(),
                config.port(),
                upstream,
                config.socketIoPath(),
                config.maxBodyBytes(),
                interceptor,
                registry);
        // the records' own thread, once nothing can fail any more (it would be left running)
        interceptor.recordQueue().start("proxy-records");
    }

    public static ProxyServer start(ProxyConfig config, Clock clock, Consumer<EventRecord> publish, RuleSet rules)
            throws InterruptedException {
        return new ProxyServer(config, clock, publish, rules);
    }

    public int port() {
        return runtime.port();
    }

    /** Where clients connect instead of the server. */
    public String url() {
        return "http://" + ("0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host()) + ":" + port();
    }

    public ProxyConfig config() {
        return config;
    }

    public ConnectionRegistry connections() {
        return registry;
    }

    public RuleSet rules() {
        return interceptor.rules();
    }

    public Breakpoints breakpoints() {
        return interceptor.breakpoints();
    }

    public Injector injector() {
        return interceptor.injector();
    }

    @Override
    public void close() {
        runtime.close();
        // after the network: the records of the last packets relayed are still made and published
        interceptor.recordQueue().close();
    }
}
