package io.studycollab.debugger.cli;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.supabase.AuthApiException;
import io.studycollab.realtime.supabase.GoTrueClient;
import io.studycollab.realtime.supabase.RefreshingSession;
import io.studycollab.realtime.supabase.SupabaseProject;
import io.studycollab.realtime.time.Clock;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A command's signed-in Supabase session: owns the Auth client and the self-refreshing session,
 * and keeps a live connection on the newest token (live swap on every refresh; refresh failures
 * told on stderr with Auth's reason and when the token expires).
 */
final class SupabaseSignIn implements AutoCloseable {

    private final GoTrueClient auth;
    private final RefreshingSession session;

    private SupabaseSignIn(GoTrueClient auth, RefreshingSession session) {
        this.auth = auth;
        this.session = session;
    }

    /** Signs in by email and password, or anonymously with a null email. */
    static SupabaseSignIn signIn(SupabaseProject project, String email, String password, Clock clock)
            throws SignInFailed {
        GoTrueClient auth = new GoTrueClient(project);
        CompletableFuture<RefreshingSession> f = email == null
                ? RefreshingSession.signInAnonymously(auth, clock)
                : RefreshingSession.signIn(auth, clock, email, password);
        try {
            return new SupabaseSignIn(auth, f.get(40, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            auth.close();
            Throwable c = e.getCause();
            throw new SignInFailed(c instanceof AuthApiException a ? a.describe() : String.valueOf(c));
        } catch (TimeoutException e) {
            auth.close();
            throw new SignInFailed("Supabase Auth did not answer within 40 s");
        } catch (InterruptedException e) {
            auth.close();
            Thread.currentThread().interrupt();
            throw new SignInFailed("interrupted");
        }
    }

    RefreshingSession session() {
        return session;
    }

    AccessToken accessToken() {
        return session.accessToken();
    }

    /** The client reconnects with the newest token and moves to each new one live. */
    void keepFresh(RealtimeClient client, Redactor redactor, PrintWriter err) {
        client.setTokenSupplier(session.tokenSupplier());
        session.onRefresh(s -> {
            redactor.addSecret(s.accessToken().reveal());
            client.reauthenticate(s.accessToken()).exceptionally(e -> {
                synchronized (err) {
                    err.println("could not move the connection to the refreshed token: " + e.getMessage());
                    err.flush();
                }
                return null;
            });
        });
        session.onProblem(p -> {
            synchronized (err) {
                err.println(p.message());
                err.flush();
            }
        });
    }

    @Override
    public void close() {
        session.close();
        auth.close();
    }

    /** Sign-in refused or impossible; the message is Auth's. */
    static final class SignInFailed extends Exception {
        SignInFailed(String message) {
            super(message, null, false, false);
        }
    }
}
