package io.studycollab.debugger.cli.options;

import io.studycollab.realtime.server.ConnectionLimits;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The server's budgets beyond one socket (src/docs/protocol-notes.md, "Budgets beyond one socket"):
 * sockets per user, one event budget per user, and the fan-out budget per group past which cursor
 * updates are coalesced. 0 turns a budget off.
 */
public final class BudgetOptions {

    private static final ConnectionLimits DEFAULTS = ConnectionLimits.defaults();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--max-sockets-per-user",
            paramLabel = "N",
            description = "Sockets one user may hold; the next CONNECT is refused TOO_MANY_CONNECTIONS"
                    + " (default 5; 0: no limit).")
    int maxSockets = DEFAULTS.maxSocketsPerUser();

    @Option(
            names = "--user-events-per-second",
            paramLabel = "RATE",
            description = "Events a second one user may send, all their sockets together (default 100; 0: no budget).")
    double userEvents = DEFAULTS.userEventsPerSecond();

    @Option(
            names = "--user-event-burst",
            paramLabel = "N",
            description = "How many of those may come at once (default 200).")
    int userBurst = DEFAULTS.userEventBurst();

    @Option(
            names = "--group-fanout-per-second",
            paramLabel = "RATE",
            description = "Messages a second delivered to one group before its cursor updates are coalesced per"
                    + " sender, latest wins (default 20000; 0: never coalesced).")
    double groupFanout = DEFAULTS.groupFanoutPerSecond();

    @Option(
            names = "--cursor-flush",
            paramLabel = "DURATION",
            converter = Durations.class,
            description = "How often coalesced cursor updates are sent: 1ms..1s (default 50ms).")
    Duration cursorFlush = DEFAULTS.cursorFlushInterval();

    /** The limits as given, over {@code base}; a value no limit can have is a usage error. */
    public ConnectionLimits limits(ConnectionLimits base) {
        if (maxSockets < 0 || !(userEvents >= 0) || userBurst < 1 || !(groupFanout >= 0)) {
            throw new CommandLine.ParameterException(
                    command.commandLine(), "budgets must be 0 (off) or more, and --user-event-burst at least 1");
        }
        try {
            return base.withMaxSocketsPerUser(maxSockets)
                    .withUserEvents(userEvents, userBurst)
                    .withGroupFanout(groupFanout, cursorFlush);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
    }
}
