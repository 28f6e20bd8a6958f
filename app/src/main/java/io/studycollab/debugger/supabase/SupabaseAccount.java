package io.studycollab.debugger.supabase;

import io.studycollab.debugger.fx.FxTasks;
import io.studycollab.debugger.notifications.Notices;
import io.studycollab.debugger.notifications.Notices.Kind;
import io.studycollab.debugger.profiles.ServerProfile;
import io.studycollab.debugger.profiles.SupabaseLogin;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.session.Redactor;
import io.studycollab.realtime.supabase.AuthApiException;
import io.studycollab.realtime.supabase.AuthSession;
import io.studycollab.realtime.supabase.GoTrueClient;
import io.studycollab.realtime.supabase.RefreshProblem;
import io.studycollab.realtime.supabase.RefreshingSession;
import io.studycollab.realtime.supabase.SupabaseProject;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The window's Supabase sign-in: signs in with a "Supabase project" profile (password from the
 * keychain, or asked; or anonymously), keeps the session fresh ({@link RefreshingSession} on the
 * window's clock), moves the live connection to each new token without a drop, and signs out.
 * One session at a time. Properties change on the FX thread only: refreshes happen on OkHttp's or
 * the clock's threads and are read by {@link #tick()}, which the frame loop calls once a second.
 * Auth's words and HTTP status, refresh problems and when the token expires go to the
 * notification strip (slot {@value #SLOT}), never to a modal dialog.
 */
public final class SupabaseAccount implements AutoCloseable {

    public static final String SLOT = "supabase";
    private static final Duration PASSING = Duration.ofSeconds(8);

    private final Clock clock;
    private final Supplier<RealtimeClient> client;
    private final Supplier<ServerProfile> liveProfile;
    private final Notices notices;
    private final Redactor redactor;
    private final Passwords passwords;

    private final AccountState state = new AccountState();

    // FX thread.
    private GoTrueClient auth;
    private RefreshingSession session;
    private RefreshProblem shownProblem;
    private boolean closed;
    // Written by refresh listeners (OkHttp / clock threads), read by tick().
    private final AtomicReference<RefreshProblem> lastProblem = new AtomicReference<>();
    private final AtomicReference<String> swapProblem = new AtomicReference<>();

    /**
     * @param client the window's current client (it may be replaced)
     * @param liveProfile the profile the live connection was made with, readable from any thread
     */
    public SupabaseAccount(
            Clock clock,
            Supplier<RealtimeClient> client,
            Supplier<ServerProfile> liveProfile,
            Notices notices,
            Redactor redactor,
            Passwords passwords) {
        this.clock = clock;
        this.client = client;
        this.liveProfile = liveProfile;
        this.notices = notices;
        this.redactor = redactor;
        this.passwords = passwords;
    }

    /** Signs in with {@code p}'s project (ending any other sign-in once this one succeeds). */
    public void signIn(ServerProfile p) {
        if (state.busyProperty().get() || closed || p == null || !p.usesSupabase()) {
            return;
        }
        SupabaseLogin login = p.supabase();
        SupabaseProject project;
        try {
            project = login.project();
        } catch (IllegalArgumentException e) {
            notices.post(SLOT, Kind.DANGER, "Cannot sign in", e.getMessage());
            return;
        }
        redactor.addSecret(project.apiKey());
        state.signingIn(true);
        if (login.anonymous()) {
            start(p, project, null);
            return;
        }
        passwords.forSignIn(login, pw -> start(p, project, pw), () -> state.signingIn(false));
    }

    private void start(ServerProfile p, SupabaseProject project, String password) {
        GoTrueClient g = new GoTrueClient(project);
        CompletableFuture<RefreshingSession> f = password == null
                ? RefreshingSession.signInAnonymously(g, clock)
                : RefreshingSession.signIn(g, clock, p.supabase().email(), password);
        FxTasks.whenDone(f, rs -> adopt(p, g, rs), e -> {
            g.close();
            state.signingIn(false);
            notices.post(SLOT, Kind.DANGER, "Sign-in refused", describe(e));
        });
    }

    private void adopt(ServerProfile p, GoTrueClient g, RefreshingSession rs) {
        state.signingIn(false);
        if (closed) {
            rs.close();
            g.close();
            return;
        }
        endSession();
        auth = g;
        session = rs;
        state.signedIn(p.name());
        redactor.addSecret(rs.accessToken().reveal());
        String name = p.name();
        rs.onRefresh(s -> refreshed(name, s));
        rs.onProblem(lastProblem::set);
        if (isLive(p.name())) {
            // Signed in again while connected with this profile: move the connection now.
            client.get().setTokenSupplier(rs.tokenSupplier());
            client.get().reauthenticate(rs.accessToken()).exceptionally(this::swapFailed);
        }
        notices.resolve(SLOT);
        tick();
    }

    // On OkHttp's or the clock's thread: nothing here blocks (reauthenticate hops to the client's loop).
    private void refreshed(String name, AuthSession s) {
        redactor.addSecret(s.accessToken().reveal());
        lastProblem.set(null);
        if (isLive(name)) {
            client.get().reauthenticate(s.accessToken()).exceptionally(this::swapFailed);
        }
    }

    private Void swapFailed(Throwable e) {
        swapProblem.set(describe(e));
        return null;
    }

    private boolean isLive(String name) {
        ServerProfile live = liveProfile.get();
        return name != null && live != null && live.usesSupabase() && name.equals(live.name());
    }

    /** For {@code ConnectionController}: the newest token of {@code p}'s sign-in, or null when not signed in with it. */
    public Supplier<AccessToken> tokensFor(ServerProfile p) {
        RefreshingSession rs = session;
        return rs != null
                        && p != null
                        && p.usesSupabase()
                        && p.name().equals(state.profileNameProperty().get())
                ? rs.tokenSupplier()
                : null;
    }

    /** Ends the session at Auth; a live connection made with it is closed (its token would be refused soon). */
    public void signOut() {
        RefreshingSession rs = session;
        if (rs == null) {
            return;
        }
        String was = state.whoProperty().get();
        if (isLive(state.profileNameProperty().get())) {
            client.get().setTokenSupplier(null);
            client.get().disconnect();
        }
        GoTrueClient g = auth;
        session = null;
        auth = null;
        FxTasks.whenDone(rs.signOut(), ok -> g.close(), e -> {
            g.close();
            notices.post(SLOT, Kind.WARNING, "Signed out here; Auth did not confirm", describe(e));
        });
        clear();
        notices.post(SLOT, Kind.INFO, "Signed out", was, PASSING);
    }

    /** Once a second on the FX thread: the session's state into the properties, problems into notices. */
    public void tick() {
        RefreshingSession rs = session;
        if (rs == null) {
            return;
        }
        AuthSession current = rs.current();
        RefreshProblem problem = lastProblem.get();
        state.show(current, rs.expiresAt(), problem != null);
        if (problem != null && problem != shownProblem) {
            notices.post(
                    SLOT,
                    problem.retryIn() != null ? Kind.WARNING : Kind.DANGER,
                    "Token refresh failed",
                    problem.message());
        } else if (problem == null && shownProblem != null) {
            notices.resolve(SLOT);
        }
        shownProblem = problem;
        String swap = swapProblem.getAndSet(null);
        if (swap != null) {
            notices.post(SLOT, Kind.WARNING, "Connection kept on the old token", swap);
        }
    }

    private void endSession() {
        if (session != null) {
            session.close();
            auth.close();
            session = null;
            auth = null;
        }
        clear();
    }

    private void clear() {
        lastProblem.set(null);
        shownProblem = null;
        state.clear();
    }

    static String describe(Throwable e) {
        return e instanceof AuthApiException a ? a.describe() : String.valueOf(e.getMessage());
    }

    public Clock clock() {
        return clock;
    }

    /** What the window shows of the sign-in. */
    public AccountState state() {
        return state;
    }

    /** Successful refreshes of the current session (0 when signed out). */
    public int refreshCount() {
        RefreshingSession rs = session;
        return rs == null ? 0 : rs.refreshCount();
    }

    /** Stops refreshing (the session stays valid at Auth until it expires, as when a browser tab closes). */
    @Override
    public void close() {
        closed = true;
        endSession();
    }
}
