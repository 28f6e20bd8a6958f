package io.studycollab.debugger.cli;

import io.studycollab.debugger.cli.options.SecretInput;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One run of the command line inside the test's JVM, as a user would see it: exit code, standard
 * output and standard error. Secrets come from the environment and stdin handed in, never from the
 * machine's, so a developer's own {@code $SUPABASE_JWT_SECRET} cannot change a test.
 */
record CliRun(int code, String out, String err) {

    /** What the user saw in the terminal, both streams. */
    String all() {
        return out + err;
    }

    /** A run with an empty environment and nothing on stdin. */
    static CliRun of(String... args) {
        return with(Map.of(), "", args);
    }

    /** A run whose secrets come from {@code env} and {@code stdin}. */
    static CliRun with(Map<String, String> env, String stdin, String... args) {
        return with(new SecretInput(env, stdinOf(stdin)), new StringWriter(), args);
    }

    /** A run writing its output to {@code out}, which a test may read while the command still runs. */
    static CliRun with(SecretInput secrets, StringWriter out, String... args) {
        CommandLine cl = RootCommand.commandLine(secrets);
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static ByteArrayInputStream stdinOf(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The command starting the app's launcher in a child JVM on this test's class path. */
    static List<String> launcher(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.studycollab.debugger.Launcher"));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
