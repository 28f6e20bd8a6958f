package io.studycollab.debugger.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The HS256 secret commands mint tokens with: {@code --secret}, {@code --secret-file}, or the environment. */
public final class JwtSecretOption {

    public static final String ENV = "SUPABASE_JWT_SECRET";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--secret",
            paramLabel = "SECRET",
            description = "JWT secret to mint tokens with, or - to read it from stdin (default: $" + ENV + ").")
    String value;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "Read the JWT secret from FILE (- for stdin).")
    Path file;

    /** Whether --secret or --secret-file was on the command line (the environment does not count). */
    public boolean given() {
        return value != null || file != null;
    }

    /** The secret, or null when none was given in any way. */
    public String resolve() {
        return Secrets.of(command).resolve(command, "--secret", value, file, ENV);
    }
}
