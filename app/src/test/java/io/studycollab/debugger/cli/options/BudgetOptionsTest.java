package io.studycollab.debugger.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.cli.RootCommand;
import io.studycollab.realtime.server.ConnectionLimits;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}'s budget flags: what they set, and a usage error (exit 2) for what no budget can be. */
class BudgetOptionsTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        BudgetOptions budgets;

        ConnectionLimits limits;

        @Override
        public void run() {
            limits = budgets.limits(ConnectionLimits.defaults());
        }
    }

    private static ConnectionLimits parse(String... args) {
        Probe probe = new Probe();
        assertEquals(0, new CommandLine(probe).execute(args));
        return probe.limits;
    }

    @Test
    void defaultsAreTheServersAndEachFlagSetsItsBudget() {
        assertEquals(ConnectionLimits.defaults(), parse());
        ConnectionLimits l = parse(
                "--max-sockets-per-user", "2",
                "--user-events-per-second", "50",
                "--user-event-burst", "60",
                "--group-fanout-per-second", "5000",
                "--cursor-flush", "100ms");
        assertEquals(2, l.maxSocketsPerUser());
        assertEquals(50, l.userEventsPerSecond());
        assertEquals(60, l.userEventBurst());
        assertEquals(5000, l.groupFanoutPerSecond());
        assertEquals(Duration.ofMillis(100), l.cursorFlushInterval());
        ConnectionLimits off =
                parse("--max-sockets-per-user", "0", "--user-events-per-second", "0", "--group-fanout-per-second", "0");
        assertEquals(ConnectionLimits.defaults().withoutBudgets(), off);
    }

    @Test
    void serveRefusesBudgetsNoLimitCanHaveWithUsageAndExitTwo() {
        for (String[] bad : new String[][] {
            {"--max-sockets-per-user", "-1"},
            {"--group-fanout-per-second", "-5"},
            {"--user-event-burst", "0"},
            {"--cursor-flush", "5s"},
            {"--user-events-per-second", "lots"}
        }) {
            CommandLine cl = RootCommand.commandLine(new SecretInput(Map.of(), InputStream.nullInputStream()));
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err));
            cl.setOut(new PrintWriter(new StringWriter()));
            String[] args = new String[bad.length + 3];
            args[0] = "serve";
            args[1] = "--port";
            args[2] = "0";
            System.arraycopy(bad, 0, args, 3, bad.length);
            assertEquals(2, cl.execute(args), String.join(" ", bad) + ": " + err);
            assertTrue(err.toString().contains("Usage: realtime-debugger serve"), err.toString());
        }
    }
}
