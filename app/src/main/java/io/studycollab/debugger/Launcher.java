package io.studycollab.debugger;

import io.studycollab.debugger.cli.RootCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The main class (deliberately not a JavaFX {@code Application}, so the shaded jar and jpackage
 * launchers start without the module path). Bare, it opens the window and exits when it closes;
 * with a subcommand it runs that command and exits with its code.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        // socket.io-client-java and OkHttp log through java.util.logging: route it to the same
        // place and levels as everything else (logback.xml), instead of a second console format.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(RootCommand.commandLine().execute(args));
    }
}
