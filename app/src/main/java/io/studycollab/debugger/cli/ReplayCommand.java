package io.studycollab.debugger.cli;

import io.studycollab.debugger.cli.options.ServerUrlOption;
import io.studycollab.debugger.cli.options.TokenOption;
import io.studycollab.realtime.client.AckReply;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.events.EventHub;
import io.studycollab.realtime.events.EventRecord;
import io.studycollab.realtime.replay.ReEmitter;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.session.SessionFormatException;
import io.studycollab.realtime.session.SessionReader;
import io.studycollab.realtime.time.SystemClock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description =
                "Send a recording's outbound events (joins, presence, cursor, tool, custom events) to a live server.")
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", required = true, description = "Session file to replay.")
    Path file;

    @Mixin
    ServerUrlOption server;

    @Mixin
    TokenOption token;

    @Option(
            names = "--speed",
            defaultValue = "1",
            description = "1 = recorded timing, 2 = twice as fast… (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--group", description = "Send to this group instead of the recorded one.")
    String group;

    @Mixin
    SupabaseOptions supabase;

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0) || speed > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be above 0 and at most 1000");
        }
        CommandToken credentials;
        try {
            credentials = CommandToken.resolve(supabase, token::required, spec.commandLine(), "replay");
        } catch (SupabaseSignIn.SignInFailed e) {
            spec.commandLine().getErr().println("cannot get a token: " + e.getMessage());
            return 1;
        }
        try (credentials) {
            return replay(credentials);
        }
    }

    private Integer replay(CommandToken credentials) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String url = server.url;
        if (!Files.isReadable(file)) {
            err.println("cannot read " + file);
            return 1;
        }
        List<EventRecord> steps;
        String recordedGroup;
        try (SessionReader reader = SessionReader.open(file)) {
            steps = ReEmitter.replayable(reader);
            recordedGroup = reader.header().group();
            for (SessionReader.Problem p : reader.problems()) {
                err.println(file + ": " + p + " (skipped)");
            }
        } catch (SessionFormatException e) {
            err.println(file + ": " + e.getMessage());
            return 1;
        }
        if (steps.isEmpty()) {
            err.println(file + " holds no outbound events to replay");
            return 1;
        }
        String target = group != null ? group : recordedGroup;
        try (SystemClock clock = new SystemClock("replay-clock");
                EventHub hub = new EventHub("replay-hub");
                RealtimeClient client = new RealtimeClient(hub, clock, ClientOptions.defaults())) {
            credentials.keepFresh(client, new Redactor(), err);
            String failure = FirstConnection.connect(client, url, credentials.token(), Duration.ofSeconds(15));
            if (failure != null) {
                err.println(failure);
                return 1;
            }
            if (target != null) {
                AckReply joined = client.joinGroup(target).get(10, TimeUnit.SECONDS);
                if (!joined.ok()) {
                    err.println("cannot join " + target + ": " + joined.errorCode() + " " + joined.errorMessage());
                    return 1;
                }
            }
            ReEmitter emitter = new ReEmitter(client, clock, steps, speed, group);
            long span = steps.get(steps.size() - 1).wallMillis() - steps.get(0).wallMillis();
            out.printf(
                    "replaying %d events from %s to %s%s over %.1f s%n",
                    steps.size(),
                    file.getFileName(),
                    url,
                    target != null ? " group " + target : "",
                    span / 1000.0 / speed);
            out.flush();
            int sent = emitter.start().get((long) (span / speed) + 60_000, TimeUnit.MILLISECONDS);
            hub.awaitDispatched(Duration.ofSeconds(2));
            Map<String, Integer> perEvent = new TreeMap<>();
            steps.subList(0, sent).forEach(r -> perEvent.merge(r.name(), 1, Integer::sum));
            out.println("re-emitted " + sent + " events: " + perEvent);
        }
        return 0;
    }
}
