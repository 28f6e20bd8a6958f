package io.studycollab.debugger.cli.options;

import io.studycollab.realtime.client.AccessToken;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The access token a client command connects with: {@code --token}, {@code --token-file}, or the environment. */
public final class TokenOption extends SecretOption {

    public static final String ENV = "STUDYCOLLAB_TOKEN";

    public TokenOption() {
        super("--token", ENV);
    }

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "Access token, or - to read it from stdin (default: $" + ENV + "). Never written to files.")
    void value(String token) {
        value = token;
    }

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the access token from FILE (- for stdin).")
    void file(Path path) {
        file = path;
    }

    /** The token, or a usage error naming every way to give one. */
    public AccessToken required() {
        String token = resolve();
        if (token == null) {
            throw new CommandLine.ParameterException(
                    command.commandLine(), "a token is required: $" + ENV + ", --token-file FILE or --token -");
        }
        return AccessToken.of(token);
    }
}
