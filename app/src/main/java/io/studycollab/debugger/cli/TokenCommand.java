package io.studycollab.debugger.cli;

import io.studycollab.debugger.cli.options.JwtSecretOption;
import io.studycollab.realtime.server.auth.Hs256;
import io.studycollab.realtime.server.auth.TokenMinter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Print a signed Supabase-style access token (HS256).")
public final class TokenCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    JwtSecretOption secretOption;

    @Option(names = "--sub", required = true, description = "User id (the token's sub).")
    String sub;

    @Option(names = "--name", description = "Display name (user_metadata.full_name).")
    String name;

    @Option(
            names = "--groups",
            split = ",",
            description = "Groups the user may join (app_metadata.groups), comma-separated.")
    List<String> groups;

    @Option(names = "--ttl", defaultValue = "3600", description = "Lifetime in seconds (default ${DEFAULT-VALUE}).")
    long ttlSeconds;

    @Option(names = "--aud", defaultValue = "authenticated", description = "Audience (default ${DEFAULT-VALUE}).")
    String audience;

    @Override
    public Integer call() {
        String secret = secretOption.resolve();
        if (secret == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "a secret is required: $SUPABASE_JWT_SECRET, --secret-file FILE or --secret -");
        }
        if (ttlSeconds <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--ttl must be positive");
        }
        TokenMinter minter;
        try {
            minter = new TokenMinter(secret, audience);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--secret: " + e.getMessage());
        }
        if (minter.weakSecret()) {
            spec.commandLine().getErr().println(Hs256.weakSecretWarning(secret));
        }
        spec.commandLine()
                .getOut()
                .println(minter.mint(sub, name, null, groups, Duration.ofSeconds(ttlSeconds))
                        .reveal());
        return 0;
    }
}
