package io.studycollab.debugger.cli;

import io.studycollab.debugger.cli.options.SecretInput;
import io.studycollab.debugger.cli.options.Secrets;
import io.studycollab.realtime.supabase.SupabaseProject;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How a command gets its access token from a real Supabase project: the project URL, its
 * publishable (or legacy anon) key, and a user, by email with the password on stdin (or in
 * {@code $SUPABASE_PASSWORD}), or anonymously. Passwords are never flags.
 */
public final class SupabaseOptions {

    @Option(
            names = "--supabase-url",
            defaultValue = "${env:SUPABASE_URL}",
            description = "Supabase project URL, https://<ref>.supabase.co (default: $SUPABASE_URL).")
    String url;

    @Option(
            names = {"--anon-key", "--publishable-key"},
            defaultValue = "${env:SUPABASE_ANON_KEY}",
            description = "The project's publishable key (sb_publishable_…) or legacy anon key "
                    + "(default: $SUPABASE_ANON_KEY).")
    String apiKey;

    @Option(
            names = "--email",
            description = "Sign in as this user (password from --password-stdin or $SUPABASE_PASSWORD).")
    String email;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--anonymous", description = "Sign in anonymously (the project must allow anonymous sign-ins).")
    boolean anonymous;

    /** True when the user asked to sign in with Supabase (rather than pass a token). */
    boolean signsIn() {
        return email != null || anonymous;
    }

    /** The project, checked; usage errors as picocli's (exit 2). */
    SupabaseProject project(CommandLine cl) {
        if (url == null || url.isBlank()) {
            throw new CommandLine.ParameterException(cl, "--supabase-url (or $SUPABASE_URL) is needed to sign in");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new CommandLine.ParameterException(
                    cl, "--anon-key (or $SUPABASE_ANON_KEY): the project's publishable or anon key is needed");
        }
        if (email != null && anonymous) {
            throw new CommandLine.ParameterException(cl, "--email and --anonymous exclude each other");
        }
        try {
            return SupabaseProject.of(url, apiKey);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /** The password: stdin's first line with --password-stdin, else $SUPABASE_PASSWORD. */
    String password(CommandLine cl) {
        SecretInput secrets = Secrets.of(cl.getCommandSpec());
        if (passwordStdin) {
            return secrets.firstLineOfStdin(cl, "--password-stdin");
        }
        String env = secrets.env("SUPABASE_PASSWORD");
        if (env == null || env.isEmpty()) {
            throw new CommandLine.ParameterException(
                    cl, "--email needs a password: --password-stdin, or $SUPABASE_PASSWORD");
        }
        return env;
    }
}
