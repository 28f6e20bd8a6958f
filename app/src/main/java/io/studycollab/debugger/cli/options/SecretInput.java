package io.studycollab.debugger.cli.options;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a secret (token, JWT secret, service key) comes from, in this order: the option's value,
 * its {@code -file} option, its environment variable. A value of {@code -} (or a file of {@code -})
 * reads it from standard input. Arguments on the command line are visible to every user in
 * {@code ps} and kept in shell history, so a secret typed there still works but earns a one-line
 * warning on stderr; one that came from a picocli {@code @file} argument file does not, because
 * only the file's name was on the command line. The secret itself is never printed.
 */
public final class SecretInput {

    /** Marks the value or file name that means "read standard input". */
    public static final String STDIN = "-";

    private final Map<String, String> env;
    private final InputStream stdin;
    private boolean stdinTaken;

    public SecretInput(Map<String, String> env, InputStream stdin) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
    }

    /** For the process itself: its environment and standard input. */
    public static SecretInput ofProcess() {
        return new SecretInput(System.getenv(), System.in);
    }

    /** The environment variable, or null when unset or blank. */
    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * The secret from {@code value} (or {@code -}), {@code file} (or {@code -}), or {@code envName}; null
     * when none is given. Giving both a value and a file is a usage error, as are an unreadable or
     * empty file and a second secret from stdin.
     */
    public String resolve(CommandSpec command, String option, String value, Path file, String envName) {
        CommandLine line = command.commandLine();
        if (value != null && file != null) {
            throw new CommandLine.ParameterException(line, "give " + option + " or " + option + "-file, not both");
        }
        if (STDIN.equals(value) || file != null && STDIN.equals(file.toString())) {
            return fromStdin(line, option);
        }
        if (file != null) {
            return fromFile(line, option + "-file", file);
        }
        if (value != null) {
            if (value.isBlank()) {
                throw new CommandLine.ParameterException(line, option + " is empty");
            }
            if (typedOnTheCommandLine(command, value)) {
                line.getErr()
                        .println("warning: " + option + " given on the command line is visible to other users (ps,"
                                + " shell history); use " + (envName != null ? "$" + envName + ", " : "") + option
                                + "-file FILE or " + option + " - (stdin)");
                line.getErr().flush();
            }
            return value;
        }
        return envName == null ? null : env(envName);
    }

    /**
     * The first line of standard input (a password may hold spaces at its ends, so nothing is
     * stripped); standard input is read once, for one secret.
     */
    public String firstLineOfStdin(CommandLine line, String option) {
        if (stdinTaken) {
            throw new CommandLine.ParameterException(
                    line, option + ": standard input was already read for another secret");
        }
        stdinTaken = true;
        try {
            String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String first = end < 0 ? text : text.substring(0, end);
            if (first.endsWith("\r")) {
                first = first.substring(0, first.length() - 1);
            }
            if (first.isEmpty()) {
                throw new CommandLine.ParameterException(line, option + ": standard input is empty");
            }
            return first;
        } catch (IOException e) {
            throw new CommandLine.ParameterException(line, option + ": cannot read standard input: " + e.getMessage());
        }
    }

    private static boolean typedOnTheCommandLine(CommandSpec command, String value) {
        CommandLine.ParseResult parsed = command.root().commandLine().getParseResult();
        List<String> original = parsed != null ? parsed.originalArgs() : List.of();
        return original.stream().anyMatch(a -> a.equals(value) || a.endsWith("=" + value));
    }

    private String fromStdin(CommandLine line, String option) {
        if (stdinTaken) {
            throw new CommandLine.ParameterException(
                    line, option + ": standard input was already read for another secret");
        }
        stdinTaken = true;
        try {
            return nonEmpty(line, option + " (stdin)", new String(stdin.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(line, option + ": cannot read standard input: " + e.getMessage());
        }
    }

    private static String fromFile(CommandLine line, String option, Path file) {
        try {
            return nonEmpty(line, option + " " + file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(line, option + ": cannot read " + file);
        }
    }

    /** Surrounding whitespace goes: files and pipes end in a newline that is not part of the secret. */
    private static String nonEmpty(CommandLine line, String where, String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new CommandLine.ParameterException(line, where + " holds no secret");
        }
        return s;
    }
}
