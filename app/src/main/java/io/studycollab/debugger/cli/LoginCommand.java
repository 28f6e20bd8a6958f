package io.studycollab.debugger.cli;

import io.studycollab.realtime.supabase.SupabaseProject;
import io.studycollab.realtime.time.SystemClock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = {
            "Sign in to a Supabase project and print the access token (nothing else) on stdout.",
            "Exits 1 with Supabase Auth's message when the sign-in is refused."
        })
public final class LoginCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SupabaseOptions supabase;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (!supabase.signsIn()) {
            throw new CommandLine.ParameterException(cl, "--email (password on stdin) or --anonymous is needed");
        }
        SupabaseProject project = supabase.project(cl);
        String password = supabase.email == null ? null : supabase.password(cl);
        try (SystemClock clock = new SystemClock("login-clock");
                SupabaseSignIn signIn = SupabaseSignIn.signIn(project, supabase.email, password, clock)) {
            cl.getOut().println(signIn.accessToken().reveal());
            cl.getOut().flush();
            return 0;
        } catch (SupabaseSignIn.SignInFailed e) {
            cl.getErr().println("sign-in failed: " + e.getMessage());
            cl.getErr().flush();
            return 1;
        }
    }
}
