package io.studycollab.debugger.cli.options;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The shape of a virtual-user load, the same for {@code swarm} (run here) and {@code artillery} (exported). */
public final class LoadOptions {

    /** The protocol drops cursor updates above 30 per second per socket. */
    public static final double MAX_CURSOR_RATE = 30;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--users", defaultValue = "10", description = "Virtual users (default ${DEFAULT-VALUE}).")
    public int users;

    @Option(
            names = "--duration",
            defaultValue = "60s",
            converter = Durations.class,
            description = "How long each user moves its cursor: 500ms, 30s, 2m (default ${DEFAULT-VALUE}).")
    public Duration duration;

    @Option(
            names = "--cursor-rate",
            defaultValue = "20",
            description = "Cursor updates per second per user, 0..30 (default ${DEFAULT-VALUE}).")
    public double cursorRate;

    /** Usage errors for values no load can have; {@code maxUsers} is the command's own ceiling. */
    public void validate(int maxUsers) {
        if (users < 1 || users > maxUsers) {
            throw new CommandLine.ParameterException(command.commandLine(), "--users must be 1.." + maxUsers);
        }
        if (!(cursorRate >= 0 && cursorRate <= MAX_CURSOR_RATE)) {
            throw new CommandLine.ParameterException(
                    command.commandLine(), "--cursor-rate must be 0..30 (the protocol's cursor limit)");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new CommandLine.ParameterException(command.commandLine(), "--duration must be positive");
        }
    }
}
