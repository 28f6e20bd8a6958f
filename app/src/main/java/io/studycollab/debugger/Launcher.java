package io.studycollab.debugger;

import io.studycollab.debugger.cli.RootCommand;
import picocli.CommandLine;

/**
 * The main class (deliberately not a JavaFX {@code Application}, so the shaded jar and jpackage
 * launchers start without the module path). Bare, it opens the window and exits when it closes;
 * with a subcommand it runs that command and exits with its code.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(RootCommand.commandLine().execute(args));
    }
}
