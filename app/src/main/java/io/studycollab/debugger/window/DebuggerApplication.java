package io.studycollab.debugger.window;

import io.studycollab.debugger.profiles.ProfileStore;
import io.studycollab.debugger.sandbox.Sandbox;
import io.studycollab.debugger.sandbox.SandboxBoot;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: builds the window around a {@link DebuggerController}. */
public final class DebuggerApplication extends Application {

    /** How the window was asked to start. */
    public record StartOptions(boolean smokeTest, Path sessionFile, boolean dark) {}

    private static volatile StartOptions startOptions = new StartOptions(false, null, false);
    private static volatile SandboxBoot sandboxBoot;
    private static volatile int smokeTestExitCode = 1;
    private DebuggerController controller;

    /**
     * Opens the window and returns when it is closed. Without a session file the embedded sandbox
     * starts at once on its own thread, while JavaFX starts and the window is built (start-up time).
     */
    public static void launchWith(StartOptions options) {
        startOptions = options;
        try (SandboxBoot boot = options.sessionFile() == null ? SandboxBoot.begin(Sandbox::startForWindow) : null) {
            sandboxBoot = boot;
            Application.launch(DebuggerApplication.class);
        } finally {
            sandboxBoot = null;
        }
    }

    public static int smokeTestExitCode() {
        return smokeTestExitCode;
    }

    static void smokeTestPassed() {
        smokeTestExitCode = 0;
    }

    @Override
    public void start(Stage stage) {
        StartOptions options = startOptions;
        controller = showWindow(stage, options.dark());
        SandboxBoot boot = sandboxBoot;
        if (options.sessionFile() != null) {
            controller.openSession(options.sessionFile());
        } else if (boot != null) {
            controller.startSandbox(boot);
        } else {
            controller.startSandbox();
        }
        if (options.smokeTest()) {
            FirstFrame.whenLaidOut(stage.getScene(), () -> System.out.println("smoke test: window shown" + cpuSoFar()));
            controller.whenDemoVisible(
                    () -> {
                        System.out.println("smoke test: demo group visible with its bots" + cpuSoFar());
                        smokeTestPassed();
                        stage.close();
                        Platform.exit();
                    },
                    () -> {
                        System.err.println("smoke test: the demo group did not show its bots in time");
                        Platform.exit();
                    });
        }
    }

    /**
     * " (CPU 2.41 s)": the process's CPU time so far, all threads (the start-up benchmark's figure that
     * a loaded machine changes least), or "" where the platform does not say.
     */
    private static String cpuSoFar() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(d -> String.format(Locale.ROOT, " (CPU %.2f s)", d.toNanos() / 1e9))
                .orElse("");
    }

    /** The main window on {@code stage}, shown, not yet connected (also how tests and benchmarks open it). */
    public static DebuggerController showWindow(Stage stage, boolean dark) {
        return WindowFactory.show(stage, dark, ProfileStore.inUserConfig());
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.close();
        }
    }
}
