package io.studycollab.debugger.cli.options;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Finds the {@link SecretInput} of the running command line: the root command provides it, so a
 * test can hand in its own environment and standard input.
 */
public interface Secrets {

    SecretInput secretInput();

    static SecretInput of(CommandSpec command) {
        return command.root().userObject() instanceof Secrets s ? s.secretInput() : SecretInput.ofProcess();
    }
}
