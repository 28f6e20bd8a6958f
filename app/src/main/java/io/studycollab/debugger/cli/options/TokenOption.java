package io.studycollab.debugger.cli.options;

import io.studycollab.realtime.client.AccessToken;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The access token a client command connects with: {@code --token}, {@code --token-file}, or the environment. */
public final class TokenOption {

    public static final String ENV = "STUDYCOLLAB_TOKEN";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "Access token, or - to read it from stdin (default: $" + ENV + "). Never written to files.")
    String value;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the access token from FILE (- for stdin).")
    Path file;

    /** The token, or a usage error naming every way to give one. */
    public AccessToken required() {
        String token = Secrets.of(command).resolve(command, "--token", value, file, ENV);
        if (token == null) {
            throw new CommandLine.ParameterException(
                    command.commandLine(), "a token is required: $" + ENV + ", --token-file FILE or --token -");
        }
        return AccessToken.of(token);
    }
}
