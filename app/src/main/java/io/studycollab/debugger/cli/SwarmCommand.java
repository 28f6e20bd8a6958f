package io.studycollab.debugger.cli;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.qa.swarm.Swarm;
import io.studycollab.realtime.qa.swarm.SwarmBehaviour;
import io.studycollab.realtime.qa.swarm.SwarmStats;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.time.SystemClock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "swarm",
        mixinStandardHelpOptions = true,
        description = {
            "Run N virtual users in a group and report what they saw.",
            "Exits 1 if any user failed to connect."
        })
public final class SwarmCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, description = "Server URL (loopback or a server you run).")
    String url;

    static final class Credentials {
        @Option(names = "--secret", required = true, description = "JWT secret to mint one token per user.")
        String secret;

        @Option(
                names = "--tokens",
                required = true,
                description = "File with one access token per line (reused round-robin).")
        Path tokens;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Credentials credentials;

    @Option(names = "--group", required = true, description = "Group to join.")
    String group;

    @Option(names = "--users", defaultValue = "10", description = "How many users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--duration",
            defaultValue = "60s",
            converter = Durations.class,
            description = "How long (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--cursor-rate",
            defaultValue = "20",
            description = "Cursor updates per second per user (default ${DEFAULT-VALUE}).")
    double cursorRate;

    @Option(
            names = "--behaviour",
            defaultValue = "wander",
            description = "wander, idle, burst or churn (default ${DEFAULT-VALUE}).")
    String behaviour;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (users < 1 || users > 5000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--users must be 1..5000");
        }
        if (cursorRate < 0 || cursorRate > 30) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--cursor-rate must be 0..30 (the protocol's cursor limit)");
        }
        SwarmBehaviour kind;
        try {
            kind = SwarmBehaviour.parse(behaviour);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--behaviour: " + e.getMessage());
        }
        java.util.function.IntFunction<AccessToken> tokens;
        if (credentials.secret != null) {
            TokenMinter minter;
            try {
                minter = new TokenMinter(credentials.secret, "authenticated");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--secret: " + e.getMessage());
            }
            tokens = i -> minter.mint("swarm-" + (i + 1), "Virtual " + (i + 1), null, null, duration.plusMinutes(10));
        } else {
            if (!Files.isReadable(credentials.tokens)) {
                err.println("cannot read " + credentials.tokens);
                return 1;
            }
            List<String> lines = Files.readAllLines(credentials.tokens).stream()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty())
                    .toList();
            if (lines.isEmpty()) {
                err.println(credentials.tokens + " holds no tokens");
                return 1;
            }
            tokens = i -> AccessToken.of(lines.get(i % lines.size()));
        }
        SwarmStats last;
        try (StopSignal stop = new StopSignal("swarm-shutdown");
                SystemClock clock = new SystemClock("swarm-clock");
                Swarm swarm =
                        Swarm.start(url, users, tokens, group, kind, cursorRate, clock, ClientOptions.defaults())) {
            out.printf(
                    "swarm: %d %s users in %s on %s for %d s%n",
                    users, kind.name().toLowerCase(), group, url, duration.toSeconds());
            out.flush();
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                long wait = Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000));
                if (stop.await(wait)) {
                    break;
                }
                SwarmStats s = swarm.stats();
                out.printf(
                        "  connected %d/%d · sent %,d · received %,d · errors %s · rtt p50 %s%n",
                        s.connected(),
                        s.users(),
                        s.sent(),
                        s.received(),
                        s.errors().isEmpty() ? "none" : s.errors(),
                        ms(s.rttP50()));
                out.flush();
            }
            last = swarm.stats();
        }
        out.println();
        out.printf("%-22s %s%n", "users", last.users());
        out.printf("%-22s %s%n", "connected at the end", last.connected());
        out.printf("%-22s %s%n", "failed to connect", last.failedToConnect());
        out.printf("%-22s %,d%n", "events sent", last.sent());
        out.printf("%-22s %,d%n", "events received", last.received());
        out.printf("%-22s %s%n", "errors by code", last.errors().isEmpty() ? "none" : last.errors());
        out.printf(
                "%-22s p50 %s · p95 %s · p99 %s%n",
                "acked round trip", ms(last.rttP50()), ms(last.rttP95()), ms(last.rttP99()));
        out.flush();
        return last.failedToConnect() > 0 ? 1 : 0;
    }

    private static String ms(double v) {
        return v < 0 ? "–" : String.format("%.1f ms", v);
    }
}
