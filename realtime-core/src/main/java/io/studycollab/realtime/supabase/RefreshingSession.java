package io.studycollab.realtime.supabase;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed-in session that keeps itself fresh, as supabase-js's auto refresh does: shortly before
 * the access token expires (90 s before, or a third of its lifetime for short-lived tokens) it
 * spends the refresh token for a new pair. Refresh tokens are single-use, so at most one refresh
 * is in flight and a spent token is never sent again. When a refresh fails the listeners hear
 * Auth's reason and when the token in hand expires; failures that may pass (no answer, 429, 5xx)
 * are retried with backoff, the others wait for a new sign-in.
 *
 * <p>Times are on the injected {@link Clock}, counted from when Auth's answer arrived. Listeners
 * run on the thread that completed the refresh (OkHttp's or the clock's): keep them short.
 */
public final class RefreshingSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingSession.class);
    private static final Duration MAX_MARGIN = Duration.ofSeconds(90);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final GoTrueClient auth;
    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<AuthSession>> refreshListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<RefreshProblem>> problemListeners = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private AuthSession current;
    private long expiresAtMillis;
    private Clock.Cancellable timer;
    private CompletableFuture<AuthSession> inFlight;
    private int failures;
    private int refreshes;
    private boolean closed;

    public RefreshingSession(GoTrueClient auth, Clock clock, AuthSession initial) {
        this.auth = auth;
        this.clock = clock;
        synchronized (this) {
            adopt(initial);
        }
    }

    /** Signs in with email and password and starts refreshing. */
    public static CompletableFuture<RefreshingSession> signIn(
            GoTrueClient auth, Clock clock, String email, String password) {
        return auth.signInWithPassword(email, password).thenApply(s -> new RefreshingSession(auth, clock, s));
    }

    /** Signs in anonymously and starts refreshing. */
    public static CompletableFuture<RefreshingSession> signInAnonymously(GoTrueClient auth, Clock clock) {
        return auth.signInAnonymously().thenApply(s -> new RefreshingSession(auth, clock, s));
    }

    public synchronized AuthSession current() {
        return current;
    }

    public AccessToken accessToken() {
        return current().accessToken();
    }

    /** For {@code RealtimeClient.setTokenSupplier}: always the newest access token. */
    public Supplier<AccessToken> tokenSupplier() {
        return this::accessToken;
    }

    /** When the access token in hand expires, on the injected clock. */
    public synchronized Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAtMillis);
    }

    /** Successful refreshes so far. */
    public synchronized int refreshCount() {
        return refreshes;
    }

    /** Called with each new session, after it replaced the old one. */
    public Runnable onRefresh(Consumer<AuthSession> listener) {
        refreshListeners.add(listener);
        return () -> refreshListeners.remove(listener);
    }

    public Runnable onProblem(Consumer<RefreshProblem> listener) {
        problemListeners.add(listener);
        return () -> problemListeners.remove(listener);
    }

    /** Refreshes now (or joins the refresh already under way). */
    public CompletableFuture<AuthSession> refreshNow() {
        CompletableFuture<AuthSession> started;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("session closed"));
            }
            if (inFlight != null) {
                return inFlight.thenApply(s -> s);
            }
            cancelTimer();
            String spent = current.refreshToken();
            started = auth.refresh(spent);
            inFlight = started;
        }
        started.whenComplete(this::refreshed);
        return started.thenApply(s -> s);
    }

    /** Ends the session at Auth (its refresh tokens with it) and stops refreshing. */
    public CompletableFuture<Void> signOut() {
        AccessToken token;
        synchronized (this) {
            closed = true;
            cancelTimer();
            token = current.accessToken();
        }
        return auth.signOut(token, "local");
    }

    private void refreshed(AuthSession next, Throwable error) {
        RefreshProblem problem = null;
        synchronized (this) {
            inFlight = null;
            if (closed) {
                return;
            }
            if (next != null) {
                adopt(next);
                refreshes++;
            } else {
                AuthApiException cause = unwrap(error);
                failures++;
                Duration retry = null;
                if (cause.retryable()) {
                    long seconds = 1L << Math.min(failures - 1, 5);
                    retry = Duration.ofSeconds(seconds).compareTo(MAX_RETRY) > 0
                            ? MAX_RETRY
                            : Duration.ofSeconds(seconds);
                    timer = clock.schedule(retry, this::refreshQuietly);
                }
                problem = new RefreshProblem(
                        cause, Instant.ofEpochMilli(expiresAtMillis), retry, Instant.ofEpochMilli(clock.wallMillis()));
            }
        }
        if (problem != null) {
            LOG.warn(problem.message());
            for (Consumer<RefreshProblem> l : problemListeners) {
                l.accept(problem);
            }
        } else {
            for (Consumer<AuthSession> l : refreshListeners) {
                l.accept(next);
            }
        }
    }

    private void adopt(AuthSession s) {
        current = s;
        failures = 0;
        long lifetime = s.expiresIn().toMillis();
        expiresAtMillis = clock.wallMillis() + lifetime;
        long margin = Math.min(MAX_MARGIN.toMillis(), lifetime / 3);
        cancelTimer();
        timer = clock.schedule(Duration.ofMillis(lifetime - margin), this::refreshQuietly);
    }

    private void refreshQuietly() {
        refreshNow().exceptionally(e -> null); // reported through the problem listeners
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private static AuthApiException unwrap(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof AuthApiException a
                ? a
                : new AuthApiException(0, AuthApiException.NETWORK, String.valueOf(t.getMessage()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        cancelTimer();
    }
}
