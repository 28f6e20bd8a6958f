package io.studycollab.debugger.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The HS256 secret commands mint tokens with: {@code --secret}, {@code --secret-file}, or the environment. */
public final class JwtSecretOption extends SecretOption {

    public static final String ENV = "SUPABASE_JWT_SECRET";

    public JwtSecretOption() {
        super("--secret", ENV);
    }

    @Option(
            names = "--secret",
            paramLabel = "SECRET",
            description = "JWT secret to mint tokens with, or - to read it from stdin (default: $" + ENV + ").")
    void value(String secret) {
        value = secret;
    }

    @Option(names = "--secret-file", paramLabel = "FILE", description = "Read the JWT secret from FILE (- for stdin).")
    void file(Path path) {
        file = path;
    }
}
