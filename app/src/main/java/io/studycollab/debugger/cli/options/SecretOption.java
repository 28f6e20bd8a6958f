package io.studycollab.debugger.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the secret mixins share: a secret given as its option (or {@code -} for stdin), as its
 * {@code -file} option, or in the environment, resolved through {@link Secrets} (which warns when
 * it was typed on the command line). Subclasses only name their options.
 */
abstract class SecretOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private final String flag;
    private final String env;
    String value;
    Path file;

    /** {@code flag}: the option that takes the secret itself (the warning names it); {@code env}: read when neither is given. */
    SecretOption(String flag, String env) {
        this.flag = flag;
        this.env = env;
    }

    /** Whether the option or its file option was on the command line (the environment does not count). */
    public boolean given() {
        return value != null || file != null;
    }

    /** The secret, or null when none was given in any way. */
    public String resolve() {
        return Secrets.of(command).resolve(command, flag, value, file, env);
    }
}
