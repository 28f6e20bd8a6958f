package io.studycollab.debugger.cli;

import io.studycollab.debugger.AppVersion;
import io.studycollab.debugger.cli.options.SecretInput;
import io.studycollab.debugger.cli.options.Secrets;
import io.studycollab.debugger.window.DebuggerApplication;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "realtime-debugger",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = {
            "Debugger for StudyCollab realtime (Socket.IO) groups.",
            "Without a command it opens the window on an embedded sandbox server."
        },
        subcommands = {
            ServeCommand.class,
            TokenCommand.class,
            LoginCommand.class,
            RecordCommand.class,
            ReplayCommand.class,
            CompareCommand.class,
            SwarmCommand.class,
            ArtilleryCommand.class,
            InspectCommand.class,
            ProxyCommand.class,
            CommandLine.HelpCommand.class
        })
public final class RootCommand implements Callable<Integer>, Secrets {

    private final SecretInput secretInput;

    private RootCommand(SecretInput secretInput) {
        this.secretInput = secretInput;
    }

    @Option(
            names = "--smoke-test",
            description = "Open the window, wait until the demo group shows its bots, then exit 0.")
    boolean smokeTest;

    @Option(names = "--theme", defaultValue = "light", description = "light or dark (default ${DEFAULT-VALUE}).")
    String theme;

    @Parameters(arity = "0..1", paramLabel = "SESSION_FILE", description = "A session file to open.")
    Path sessionFile;

    /** The command line of this process: secrets may come from its environment and standard input. */
    public static CommandLine commandLine() {
        return commandLine(SecretInput.ofProcess());
    }

    /** A command line reading secrets from the given environment and input (tests hand in their own). */
    public static CommandLine commandLine(SecretInput secretInput) {
        CommandLine cl = new CommandLine(new RootCommand(secretInput));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("error: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    @Override
    public SecretInput secretInput() {
        return secretInput;
    }

    @Override
    public Integer call() {
        if (!theme.equals("light") && !theme.equals("dark")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--theme must be light or dark");
        }
        DebuggerApplication.launchWith(
                new DebuggerApplication.StartOptions(smokeTest, sessionFile, theme.equals("dark")));
        return smokeTest ? DebuggerApplication.smokeTestExitCode() : 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppVersion.full(), "Java " + System.getProperty("java.version")};
        }
    }
}
