package io.studycollab.debugger.cli;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.time.SystemClock;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The access token a connecting command uses, from wherever the user gave it: a Supabase sign-in
 * (kept fresh for long runs), or the command's {@code --token}/{@code --token-file}/$STUDYCOLLAB_TOKEN.
 */
final class CommandToken implements AutoCloseable {

    private final AccessToken token;
    private final SupabaseSignIn signIn;
    private final SystemClock clock;

    private CommandToken(AccessToken token, SupabaseSignIn signIn, SystemClock clock) {
        this.token = token;
        this.signIn = signIn;
        this.clock = clock;
    }

    /** No token at all ({@code --no-token}). */
    static CommandToken none() {
        return new CommandToken(null, null, null);
    }

    /**
     * A Supabase sign-in when asked for, else {@code otherwise} (the command's --token/--token-file,
     * which throws a usage error naming every way to give one).
     */
    static CommandToken resolve(
            SupabaseOptions supabase, Supplier<AccessToken> otherwise, CommandLine cl, String command)
            throws SupabaseSignIn.SignInFailed {
        if (supabase.signsIn()) {
            var project = supabase.project(cl);
            String password = supabase.email == null ? null : supabase.password(cl);
            SystemClock clock = new SystemClock(command + "-auth-clock");
            try {
                SupabaseSignIn signIn = SupabaseSignIn.signIn(project, supabase.email, password, clock);
                return new CommandToken(signIn.accessToken(), signIn, clock);
            } catch (SupabaseSignIn.SignInFailed e) {
                clock.close();
                throw e;
            }
        }
        return new CommandToken(otherwise.get(), null, null);
    }

    AccessToken token() {
        return token;
    }

    /** With a Supabase sign-in: refresh during the run and move {@code client} to each new token. */
    void keepFresh(RealtimeClient client, Redactor redactor, PrintWriter err) {
        if (signIn != null) {
            signIn.keepFresh(client, redactor, err);
        }
    }

    @Override
    public void close() {
        if (signIn != null) {
            signIn.close();
        }
        if (clock != null) {
            clock.close();
        }
    }
}
