package io.studycollab.debugger;

import io.studycollab.debugger.cli.RootCommand;
import picocli.CommandLine;

/**
 * The main class (deliberately not a JavaFX {@code Application}, so the shaded jar and jpackage
 * launchers start without the module path). Bare, it opens the window; with a subcommand it runs
 * that command and exits with its code.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int code = RootCommand.commandLine().execute(args);
        if (code != RootCommand.GUI_STARTED) {
            System.exit(code);
        }
    }
}
