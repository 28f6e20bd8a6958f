package io.studycollab.debugger.cli;

import io.studycollab.debugger.cli.options.Durations;
import io.studycollab.debugger.cli.options.JwtSecretOption;
import io.studycollab.debugger.cli.options.LoadOptions;
import io.studycollab.debugger.cli.options.ServerUrlOption;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ClientOptions;
import io.studycollab.realtime.qa.swarm.Swarm;
import io.studycollab.realtime.qa.swarm.SwarmBehaviour;
import io.studycollab.realtime.qa.swarm.SwarmDelivery;
import io.studycollab.realtime.qa.swarm.SwarmShape;
import io.studycollab.realtime.qa.swarm.SwarmStats;
import io.studycollab.realtime.server.auth.Hs256;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.time.SystemClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    private static final int MAX_USERS = 5000;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerUrlOption server;

    /** One token per user is minted with this secret, unless --tokens gives them. */
    @Mixin
    JwtSecretOption secretOption;

    @Option(
            names = "--tokens",
            paramLabel = "FILE",
            description = "File with one access token per line (reused round-robin), instead of a secret.")
    Path tokensFile;

    @Option(
            names = "--users-csv",
            paramLabel = "FILE",
            description = "Supabase test users, one email,password per line: each signs in (needs --supabase-url"
                    + " and --anon-key) and virtual users take their sessions round-robin.")
    Path usersCsv;

    /** Or Supabase: --anonymous signs in one anonymous user per virtual user, --email one shared user. */
    @Mixin
    SupabaseOptions supabase;

    @Option(names = "--group", required = true, description = "Group to join.")
    String group;

    @Mixin
    LoadOptions load;

    @Option(
            names = "--behaviour",
            defaultValue = "wander",
            description = "wander, idle, burst or churn (default ${DEFAULT-VALUE}).")
    String behaviour;

    @Option(
            names = "--group-size",
            defaultValue = "0",
            description = "Users per group: <group>-1, <group>-2, … (default: everyone in --group).")
    int groupSize;

    @Option(
            names = "--connect-rate",
            defaultValue = "500",
            description = "Users connected per second at the start (default ${DEFAULT-VALUE}; 0: all at once).")
    int connectRate;

    @Option(
            names = "--warmup",
            defaultValue = "0s",
            converter = Durations.class,
            description = "Cursor delivery figures start after this (default ${DEFAULT-VALUE}), within --duration.")
    Duration warmup;

    @Option(names = "--json", description = "Also print the final figures as one JSON line (for benchmarks).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        load.validate(MAX_USERS);
        if (groupSize < 0 || connectRate < 0 || warmup.isNegative() || warmup.compareTo(load.duration) >= 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--group-size and --connect-rate must be >= 0, --warmup shorter than --duration");
        }
        String url = server.url;
        int users = load.users;
        Duration duration = load.duration;
        SwarmBehaviour kind;
        try {
            kind = SwarmBehaviour.parse(behaviour);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--behaviour: " + e.getMessage());
        }
        if (usersCsv != null || supabase.signsIn()) {
            if (tokensFile != null || secretOption.given()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "Supabase users (--users-csv, --email, --anonymous) exclude a secret and --tokens");
            }
            if (usersCsv != null && supabase.signsIn()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--users-csv excludes --email and --anonymous");
            }
            SupabaseSwarmUsers signed;
            try {
                signed = SupabaseSwarmUsers.signIn(supabase, usersCsv, users, spec.commandLine(), err);
            } catch (SupabaseSignIn.SignInFailed | IOException e) {
                err.println("sign-in failed: " + e.getMessage());
                return 1;
            }
            try (signed) {
                return run(signed::token, signed, kind);
            }
        }
        if (tokensFile != null && secretOption.given()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a secret or --tokens, not both");
        }
        String secret = tokensFile == null ? secretOption.resolve() : null;
        if (tokensFile == null && secret == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "a secret ($SUPABASE_JWT_SECRET, --secret-file FILE, --secret -), --tokens FILE, or Supabase"
                            + " users (--users-csv FILE, --anonymous, --email with --supabase-url) are required");
        }
        IntFunction<AccessToken> tokens;
        if (secret != null) {
            TokenMinter minter;
            try {
                minter = new TokenMinter(secret, "authenticated");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--secret: " + e.getMessage());
            }
            if (minter.weakSecret()) {
                err.println(Hs256.weakSecretWarning(secret));
            }
            tokens = i -> minter.mint("swarm-" + (i + 1), "Virtual " + (i + 1), null, null, duration.plusMinutes(10));
        } else {
            if (!Files.isReadable(tokensFile)) {
                err.println("cannot read " + tokensFile);
                return 1;
            }
            List<String> lines = Files.readAllLines(tokensFile).stream()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty())
                    .toList();
            if (lines.isEmpty()) {
                err.println(tokensFile + " holds no tokens");
                return 1;
            }
            tokens = i -> AccessToken.of(lines.get(i % lines.size()));
        }
        return run(tokens, null, kind);
    }

    private int run(IntFunction<AccessToken> tokens, SupabaseSwarmUsers signed, SwarmBehaviour kind) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String url = server.url;
        int users = load.users;
        Duration duration = load.duration;
        SwarmStats last;
        SwarmDelivery delivery;
        SwarmShape shape = new SwarmShape(groupSize, connectRate, 1);
        try (StopSignal stop = new StopSignal("swarm-shutdown");
                SystemClock clock = new SystemClock("swarm-clock");
                Swarm swarm = Swarm.start(
                        i -> url,
                        users,
                        tokens,
                        group,
                        kind,
                        load.cursorRate,
                        clock,
                        ClientOptions.defaults(),
                        shape)) {
            if (signed != null) {
                signed.keepFresh(swarm, users, err);
            }
            out.printf(
                    "swarm: %d %s users in %s on %s for %d s%n",
                    users, kind.name().toLowerCase(), group, url, duration.toSeconds());
            out.flush();
            long end = System.nanoTime() + duration.toNanos();
            long warm = System.nanoTime() + warmup.toNanos();
            boolean warmed = warmup.isZero();
            while (System.nanoTime() < end) {
                if (!warmed && System.nanoTime() >= warm) {
                    swarm.restartDelivery();
                    warmed = true;
                }
                long until = warmed ? end : Math.min(end, warm);
                long wait = Math.min(5_000, Math.max(1, (until - System.nanoTime()) / 1_000_000));
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
            delivery = swarm.delivery();
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
        SwarmReport.delivery(out, delivery);
        if (json) {
            out.println(SwarmReport.json(last, delivery, shape, load.cursorRate));
        }
        out.flush();
        return last.failedToConnect() > 0 ? 1 : 0;
    }

    private static String ms(double v) {
        return v < 0 ? "–" : String.format("%.1f ms", v);
    }
}
