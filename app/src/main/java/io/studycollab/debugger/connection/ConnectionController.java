package io.studycollab.debugger.connection;

import io.studycollab.debugger.fx.FxTasks;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.debugger.profiles.ServerProfile;
import io.studycollab.debugger.qa.QaController;
import io.studycollab.debugger.sandbox.Sandbox;
import io.studycollab.debugger.window.Dialogs;
import io.studycollab.debugger.window.LiveSession;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ConnectTarget;
import io.studycollab.realtime.client.ConnectionSnapshot;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.server.auth.Hs256;
import io.studycollab.realtime.server.auth.TokenMinter;
import io.studycollab.realtime.session.Redactor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What Connect does: picks the server and token for a profile (starting the embedded sandbox when
 * that profile is chosen and it is not running), connects, and rejoins the group we were in. Never
 * throws at the user: every Connect either starts connecting or says why in the connection bar.
 * Also the route the QA tab switches (straight to the server or through the fault proxy), and how
 * many reconnect attempts the client makes before it gives up. Owns the sandbox.
 */
public final class ConnectionController implements QaController.Connection, AutoCloseable {

    private final LiveSession session;
    private final RealtimeModel realtime;
    private final Redactor redactor;
    private final Tasks tasks;
    private final Dialogs dialogs;
    private Consumer<String> problems = why -> {};
    private Consumer<String> tokens = reveal -> {};
    private Consumer<String> warnings = text -> {};
    private Consumer<Sandbox> sandboxes = s -> {};
    private Runnable onNewRoute = () -> {};
    private Function<ServerProfile, Supplier<AccessToken>> signIns = p -> null;
    // Where the live connection takes each (re)connect's token: a Supabase sign-in, or nothing.
    private Supplier<AccessToken> liveTokens;
    private volatile ServerProfile liveProfile;
    private volatile Sandbox sandbox;
    private boolean sandboxStarting;
    private boolean closed;
    private String directUrl;
    private AccessToken lastToken;
    private ConnectTarget lastTarget;
    private TokenMinter lastMinter;
    private String joinOnConnect;
    // The group we were last in while connected; rejoined after switching server or profile.
    private String lastGroup;
    private int maxAttempts;

    public ConnectionController(
            LiveSession session, RealtimeModel realtime, Redactor redactor, Tasks tasks, Dialogs dialogs) {
        this.session = session;
        this.realtime = realtime;
        this.redactor = redactor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.maxAttempts = session.client().options().reconnectPolicy().maxAttempts();
        realtime.connectionStatusProperty().addListener((o, was, now) -> onStatus(now));
    }

    /** Why a Connect did not start goes to {@code sink} (the connection bar shows it beside the button). */
    public void showProblemsIn(Consumer<String> sink) {
        this.problems = sink;
    }

    /** Warnings that do not stop a connection (a weak JWT secret) go to {@code sink}: a notice, not a dialog. */
    public void showWarningsIn(Consumer<String> sink) {
        this.warnings = sink;
    }

    /** A token minted or entered goes to {@code sink} (the bar shows it masked). */
    public void showTokensIn(Consumer<String> sink) {
        this.tokens = sink;
    }

    /** Hears the sandbox once it runs (its service key and secrets are known then). */
    public void onSandboxStarted(Consumer<Sandbox> listener) {
        this.sandboxes = listener;
    }

    /** Called before every new connection (the QA tab closes its proxy: that route is over). */
    public void onNewRoute(Runnable hook) {
        this.onNewRoute = hook;
    }

    /** Where a "Supabase project" profile's token comes from: its sign-in, or null when not signed in. */
    public void takeSignInsFrom(Function<ServerProfile, Supplier<AccessToken>> source) {
        this.signIns = source;
    }

    /** The profile the current connection was made with (null before the first); any thread. */
    public ServerProfile liveProfile() {
        return liveProfile;
    }

    // On the status, not on isConnected: a reconnect within one pulse never shows as "not connected".
    private void onStatus(ConnectionSnapshot now) {
        if (now.state() != ConnectionState.CONNECTED) {
            return;
        }
        if (now.groupId() != null) {
            lastGroup = now.groupId();
            joinOnConnect = null;
        } else if (joinOnConnect != null) {
            String g = joinOnConnect;
            joinOnConnect = null;
            FxTasks.whenDone(
                    realtime.joinGroup(g),
                    r -> {
                        if (!r.ok()) {
                            dialogs.error("joining " + g + ": " + r.errorCode());
                        }
                    },
                    e -> dialogs.error("joining " + g + ": " + e.getMessage()));
        } else {
            lastGroup = null; // connected in no group: the user left it
        }
    }

    /** Starts the embedded sandbox (off the FX thread), then connects to it and joins its demo group. */
    public void startSandbox() {
        startSandbox(Sandbox::startForWindow);
    }

    /**
     * Connects to the sandbox {@code starting} gives (on the task executor: it may wait for a start
     * already under way, see SandboxBoot); this controller owns it from then on.
     */
    public void startSandbox(Callable<Sandbox> starting) {
        if (sandbox != null || sandboxStarting) {
            return;
        }
        sandboxStarting = true;
        tasks.create(starting)
                .onSuccess(started -> {
                    if (closed) {
                        started.close();
                        return;
                    }
                    sandbox = started;
                    System.out.println("Sandbox server listening on " + started.url());
                    System.out.flush();
                    redactor.addSecret(started.serviceKey()).addSecret(started.jwtSecret());
                    sandboxes.accept(started);
                    connect(ServerProfile.embeddedSandbox(), started.url(), "");
                })
                .onError(Exception.class, e -> {
                    problems.accept("The embedded sandbox could not start: " + e.getMessage());
                    dialogs.error("The embedded sandbox could not start: " + e.getMessage());
                })
                .andFinally(() -> sandboxStarting = false)
                .run();
    }

    /** Connects with a profile, URL and token text as typed; says why when it cannot. */
    public void connect(ServerProfile profile, String url, String tokenText) {
        try {
            connectOrExplain(profile == null ? ServerProfile.embeddedSandbox() : profile, url, tokenText);
        } catch (RuntimeException e) {
            problems.accept("Cannot connect: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private void connectOrExplain(ServerProfile p, String url, String tokenText) {
        String typedToken = tokenText == null ? "" : tokenText.trim();
        String target = url == null ? "" : url.trim();
        AccessToken token;
        Supplier<AccessToken> signedIn = null;
        if (p.usesSupabase()) {
            signedIn = signIns.apply(p);
            if (signedIn == null) {
                problems.accept("Not signed in to the Supabase project: press Sign in first.");
                return;
            }
            token = signedIn.get();
        } else if (p.sandbox()) {
            Sandbox s = sandbox;
            if (s == null) {
                problems.accept(sandboxStarting ? "The sandbox is still starting…" : "Starting the embedded sandbox…");
                startSandbox();
                return;
            }
            target = s.url();
            token = typedToken.isBlank()
                    ? s.mint(p.mintSub(), p.mintName(), Duration.ofHours(8))
                    : AccessToken.of(typedToken);
            lastMinter = s.minter();
        } else if (!typedToken.isBlank()) {
            token = AccessToken.of(typedToken);
        } else if (p.jwtSecret() != null) {
            lastMinter = new TokenMinter(p.jwtSecret(), "authenticated");
            if (lastMinter.weakSecret()) {
                // Minted anyway: the server under test decides what it accepts (jsonwebtoken takes any length).
                warnings.accept(Hs256.weakSecretNote(p.jwtSecret()));
            }
            token = lastMinter.mint(
                    p.mintSub() == null ? "debugger" : p.mintSub(), p.mintName(), null, null, Duration.ofHours(8));
        } else {
            token = null; // the server will answer AUTH_MISSING, which is worth seeing too
        }
        if (!target.matches("(?i)https?://\\S+")) {
            problems.accept(
                    target.isEmpty()
                            ? "Enter a server URL (http://… or https://…), or pick the embedded sandbox profile."
                            : "\"" + target + "\" is not a server URL: it must start with http:// or https://.");
            return;
        }
        if (token != null) {
            tokens.accept(token.reveal());
            redactor.addSecret(token.reveal());
        }
        if (p.jwtSecret() != null) {
            redactor.addSecret(p.jwtSecret());
        }
        onNewRoute.run();
        String group = lastGroup != null ? lastGroup : p.sandbox() ? Sandbox.DEMO_GROUP : null;
        applyMaxAttempts();
        liveTokens = signedIn;
        liveProfile = p;
        session.client().setTokenSupplier(liveTokens);
        directUrl = target;
        lastToken = token;
        lastTarget = p.target();
        joinOnConnect = group;
        realtime.connect(target, token, p.target());
    }

    @Override
    public void reconnectVia(String proxyUrl, String group) {
        applyMaxAttempts();
        session.client().setTokenSupplier(liveTokens);
        joinOnConnect = group;
        realtime.connect(directUrl, proxyUrl, lastToken, lastTarget);
    }

    @Override
    public String directUrl() {
        return directUrl;
    }

    @Override
    public TokenMinter minter() {
        return lastMinter;
    }

    /**
     * How many reconnect attempts before giving up (Failed), from the next connection on (a new
     * count means a new client; swapping it now would drop the link or lose what Reconnect knows).
     */
    public void setMaxAttempts(int n) {
        maxAttempts = n;
    }

    public int maxAttempts() {
        return session.client().options().reconnectPolicy().maxAttempts();
    }

    private void applyMaxAttempts() {
        var options = session.client().options();
        if (options.reconnectPolicy().maxAttempts() != maxAttempts) {
            session.replaceClient(
                    options.withReconnectPolicy(options.reconnectPolicy().withMaxAttempts(maxAttempts)));
            realtime.refresh();
        }
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        closed = true;
        Sandbox s = sandbox;
        if (s != null) {
            s.close();
        }
    }
}
