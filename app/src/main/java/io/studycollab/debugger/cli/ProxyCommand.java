package io.studycollab.debugger.cli;

import io.studycollab.debugger.AppVersion;
import io.studycollab.debugger.cli.options.Durations;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.proxy.Flow;
import io.studycollab.realtime.proxy.PacketRecords;
import io.studycollab.realtime.proxy.ProxyConfig;
import io.studycollab.realtime.proxy.ProxyServer;
import io.studycollab.realtime.proxy.rules.Rule;
import io.studycollab.realtime.proxy.rules.RuleSet;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionWriter;
import io.studycollab.realtime.time.SystemClock;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "proxy",
        mixinStandardHelpOptions = true,
        description = {
            "Stand between a StudyCollab web app's clients and its server: clients connect to"
                    + " http://127.0.0.1:PORT instead of the server, every Socket.IO packet of every connection is"
                    + " decoded (and recorded with --out) until Ctrl-C or --duration.",
            "Rules: --drop GLOB[,dir=up|down][,user=ID][,payload=TEXT] and --delay GLOB=MS[,...];"
                    + " --only-dir and --only-user limit every rule that names no direction or user itself."
        })
public final class ProxyCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--listen", required = true, description = "Port to listen on (0 picks a free one).")
    int listen;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--target",
            required = true,
            description = "The real server, e.g. http://127.0.0.1:3000 or https://rt.example.com")
    String target;

    @Option(names = "--path", defaultValue = "/socket.io/", description = "Socket.IO path (default ${DEFAULT-VALUE}).")
    String path;

    @Option(
            names = "--out",
            description = "Record every connection to this session file (format version 2, one lane per connection).")
    Path out;

    @Option(
            names = "--drop",
            description = "Drop matching packets: GLOB[,dir=up|down][,user=ID][,payload=TEXT]. Repeatable.")
    List<String> drops = List.of();

    @Option(names = "--delay", description = "Delay matching packets: GLOB=MS[,dir=...][,user=...]. Repeatable.")
    List<String> delays = List.of();

    @Option(names = "--only-dir", description = "up or down: limits rules that name no direction.")
    String onlyDir;

    @Option(names = "--only-user", description = "A user id (token sub): limits rules that name no user.")
    String onlyUser;

    @Option(
            names = "--duration",
            converter = Durations.class,
            description = "Stop after this long (default: until Ctrl-C).")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        RuleSet rules = parseRules();
        URI targetUri = parseTarget();
        if (listen < 0 || listen > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen must be a port, 0 to 65535");
        }
        Map<String, Long> perEvent = new TreeMap<>();
        AtomicLong fired = new AtomicLong();
        try (StopSignal stop = new StopSignal("proxy-shutdown");
                SystemClock clock = new SystemClock("proxy-clock");
                EventHub hub = new EventHub("proxy-hub")) {
            SessionWriter writer = null;
            if (out != null) {
                writer = new SessionWriter(
                        out,
                        SessionHeader.of(
                                AppVersion.full(),
                                target,
                                null,
                                null,
                                Instant.now().toString()),
                        new Redactor());
                hub.subscribe(writer);
            }
            hub.subscribe(batch -> {
                synchronized (perEvent) {
                    for (EventRecord r : batch) {
                        perEvent.merge(r.name(), 1L, Long::sum);
                        if (r.name().equals(PacketRecords.RULE)) {
                            fired.incrementAndGet();
                        }
                    }
                }
            });
            ProxyConfig config = ProxyConfig.of(listen, targetUri).withHost(host);
            config = new ProxyConfig(
                    config.host(), config.port(), config.target(), path, config.maxBodyBytes(), config.autoRelease());
            try (ProxyServer proxy = ProxyServer.start(config, clock, hub::publish, rules)) {
                stdout.println("Proxy listening on " + proxy.url() + " -> " + targetUri
                        + (out != null ? ", recording to " + out : "") + " (Ctrl-C stops)");
                for (Rule r : rules.rules()) {
                    stdout.println("  rule: " + r);
                }
                stdout.flush();
                stop.await(duration == null ? Long.MAX_VALUE : duration.toMillis());
            }
            hub.awaitDispatched(Duration.ofSeconds(5));
            if (writer != null) {
                writer.close();
                if (writer.failure() != null) {
                    stderr.println(
                            "writing " + out + " failed: " + writer.failure().getMessage());
                    return 1;
                }
                stdout.println("recorded " + writer.written() + " records to " + out.toAbsolutePath());
            }
            synchronized (perEvent) {
                stdout.println("rules fired " + fired.get() + " times; packets by name:");
                perEvent.entrySet().stream()
                        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                        .limit(15)
                        .forEach(e -> stdout.println("  " + e.getValue() + "\t" + e.getKey()));
            }
        }
        return 0;
    }

    private RuleSet parseRules() {
        Flow dir = null;
        if (onlyDir != null) {
            try {
                dir = Flow.parse(onlyDir);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--only-dir: " + e.getMessage());
            }
        }
        RuleSet rules = new RuleSet();
        try {
            for (String d : drops) {
                rules.add(Rule.parseDrop(d).limitedTo(dir, onlyUser));
            }
            for (String d : delays) {
                rules.add(Rule.parseDelay(d).limitedTo(dir, onlyUser));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "rule: " + e.getMessage());
        }
        return rules;
    }

    private URI parseTarget() {
        try {
            URI u = URI.create(target);
            if (u.getHost() == null || !(target.startsWith("http://") || target.startsWith("https://"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--target must be http(s)://host[:port]: " + target);
        }
    }
}
