package io.studycollab.debugger.cli;

import io.studycollab.debugger.AppVersion;
import io.studycollab.debugger.cli.options.Durations;
import io.studycollab.debugger.cli.options.ServerUrlOption;
import io.studycollab.debugger.cli.options.TokenOption;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.AckReply;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.client.StateCause;
import io.studycollab.realtime.client.TokenClaims;
import io.studycollab.realtime.client.Transport;
import io.studycollab.realtime.events.Direction;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.protocol.EventCategory;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionHeader;
import io.studycollab.realtime.session.SessionWriter;
import io.studycollab.realtime.time.Clock;
import io.studycollab.realtime.time.SystemClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description =
                "Connect, join a group and record every event to a session file until the duration ends or Ctrl-C.")
public final class RecordCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerUrlOption server;

    @Mixin
    TokenOption token;

    @Option(
            names = "--no-token",
            description = "Connect without a token, for servers that need none (a plain Socket.IO app).")
    boolean noToken;

    @Option(
            names = "--namespace",
            defaultValue = "/",
            description = "Socket.IO namespace to connect to (default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--group", description = "Group to join.")
    String group;

    @Option(
            names = "--duration",
            defaultValue = "30s",
            converter = Durations.class,
            description = "How long to record: 500ms, 30s, 2m, 1h (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--out", description = "Session file (default recording-<time>.jsonl).")
    Path out;

    @Option(names = "--cursor-demo", description = "Move our cursor in a circle at 20/s.")
    boolean cursorDemo;

    @Option(names = "--transport", split = ",", description = "websocket, polling or both (default websocket,polling).")
    List<String> transports;

    @Option(names = "--path", defaultValue = "/socket.io", description = "Socket.IO path (default ${DEFAULT-VALUE}).")
    String path;

    @Mixin
    SupabaseOptions supabase;

    @Override
    public Integer call() throws Exception {
        boolean tokenGiven = spec.commandLine().getParseResult().hasMatchedOption("--token")
                || spec.commandLine().getParseResult().hasMatchedOption("--token-file");
        if (noToken && (tokenGiven || supabase.signsIn())) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--no-token excludes --token, --token-file, --email and --anonymous");
        }
        CommandToken credentials;
        try {
            credentials = noToken
                    ? CommandToken.none()
                    : CommandToken.resolve(supabase, token::required, spec.commandLine(), "record");
        } catch (SupabaseSignIn.SignInFailed e) {
            spec.commandLine().getErr().println("cannot get a token: " + e.getMessage());
            return 1;
        }
        try (credentials) {
            return record(credentials);
        }
    }

    private Integer record(CommandToken credentials) throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        AccessToken accessToken = credentials.token();
        String url = server.url;
        ClientOptions options;
        try {
            options = ClientOptions.defaults().withPath(path).withNamespace(namespace);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--namespace: " + e.getMessage());
        }
        if (transports != null && !transports.isEmpty()) {
            try {
                options = options.withTransports(
                        transports.stream().map(Transport::parse).toList());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--transport: " + e.getMessage());
            }
        }
        if (out == null) {
            out = Path.of("recording-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                            .withZone(ZoneOffset.UTC)
                            .format(Instant.now()) + ".jsonl");
        }
        String user = null;
        try {
            user = accessToken == null ? null : TokenClaims.decode(accessToken).subject();
        } catch (IllegalArgumentException e) {
            stderr.println("warning: the token is not a readable JWT (" + e.getMessage() + "); the server will decide");
        }

        Map<String, Integer> perEvent = new TreeMap<>();
        Map<Direction, Integer> perDirection = new EnumMap<>(Direction.class);
        int[] malformed = {0};
        int[] notInContract = {0};
        Redactor redactor = new Redactor().addSecret(accessToken == null ? null : accessToken.reveal());
        SessionHeader header = SessionHeader.of(
                AppVersion.full(), url, user, group, Instant.now().toString());
        int exit = 0;
        try (StopSignal stop = new StopSignal("record-shutdown");
                SystemClock clock = new SystemClock("record-clock");
                EventHub hub = new EventHub("record-hub");
                SessionWriter writer = new SessionWriter(out, header, redactor)) {
            hub.subscribe(writer);
            hub.subscribe(batch -> {
                synchronized (perEvent) {
                    for (EventRecord r : batch) {
                        perEvent.merge(r.name(), 1, Integer::sum);
                        perDirection.merge(r.direction(), 1, Integer::sum);
                        if (r.malformed()) {
                            malformed[0]++;
                        }
                        if (r.category() == EventCategory.OTHER) {
                            notInContract[0]++;
                        }
                    }
                }
            });
            int[] reconnects = {0};
            try (RealtimeClient client = new RealtimeClient(hub, clock, options)) {
                credentials.keepFresh(client, redactor, stderr);
                client.onStateChange(c -> {
                    if (c.to() == ConnectionState.RECONNECTING) {
                        reconnects[0]++;
                    }
                    if (c.to() == ConnectionState.FAILED
                            || c.to() == ConnectionState.DISCONNECTED && c.cause() != StateCause.CLIENT_CLOSED) {
                        stderr.println("connection " + c.to() + ": " + c.reason());
                        stderr.flush();
                    }
                });
                String failure = FirstConnection.connect(
                        client, url, accessToken, options.connectTimeout().plusSeconds(5));
                if (failure != null) {
                    stderr.println(failure);
                    return 1;
                }
                if (group != null) {
                    try {
                        AckReply reply = client.joinGroup(group)
                                .get(options.ackTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
                        if (!reply.ok()) {
                            stderr.println(
                                    "cannot join " + group + ": " + reply.errorCode() + " " + reply.errorMessage());
                            exit = 1;
                        }
                    } catch (ExecutionException | TimeoutException e) {
                        stderr.println("cannot join " + group + ": "
                                + (e.getCause() != null ? e.getCause().getMessage() : "timeout"));
                        exit = 1;
                    }
                }
                if (exit == 0) {
                    stdout.println("recording " + url
                            + ("/".equals(options.namespace()) ? "" : " namespace " + options.namespace())
                            + (group != null ? " group " + group : "") + " to " + out
                            + " for " + duration.toSeconds() + " s (Ctrl-C stops)");
                    stdout.flush();
                    Clock.Cancellable demo = cursorDemo ? startCursorDemo(clock, client) : null;
                    stop.await(duration.toMillis());
                    if (demo != null) {
                        demo.cancel();
                    }
                }
            }
            hub.awaitDispatched(Duration.ofSeconds(5));
            writer.close();
            synchronized (perEvent) {
                printSummary(
                        stdout,
                        writer.written(),
                        perDirection,
                        perEvent,
                        malformed[0],
                        notInContract[0],
                        reconnects[0]);
            }
            if (writer.failure() != null) {
                stderr.println("writing " + out + " failed: " + writer.failure().getMessage());
                exit = 1;
            }
        }
        return exit;
    }

    private Clock.Cancellable startCursorDemo(Clock clock, RealtimeClient client) {
        long start = clock.monoNanos();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            if (stopped.get()) {
                return;
            }
            double t = (clock.monoNanos() - start) / 1e9;
            client.updateCursor(500 + 200 * Math.cos(t), 300 + 200 * Math.sin(t));
            clock.schedule(Duration.ofMillis(50), tick[0]);
        };
        clock.schedule(Duration.ZERO, tick[0]);
        return () -> stopped.set(true);
    }

    private void printSummary(
            PrintWriter outw,
            long written,
            Map<Direction, Integer> perDirection,
            Map<String, Integer> perEvent,
            int malformed,
            int notInContract,
            int reconnects) {
        outw.println("recorded " + written + " events to " + out.toAbsolutePath());
        outw.println("  in " + perDirection.getOrDefault(Direction.IN, 0) + ", out "
                + perDirection.getOrDefault(Direction.OUT, 0)
                + ", local " + perDirection.getOrDefault(Direction.LOCAL, 0) + ", malformed " + malformed
                + ", not in the contract " + notInContract + ", reconnects " + reconnects);
        perEvent.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(12)
                .forEach(e -> outw.printf("  %6d  %s%n", e.getValue(), e.getKey()));
        outw.flush();
    }
}
