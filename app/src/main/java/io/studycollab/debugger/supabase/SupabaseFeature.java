package io.studycollab.debugger.supabase;

import io.studycollab.debugger.connection.ConnectionBar;
import io.studycollab.debugger.connection.ConnectionController;
import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.debugger.notifications.Notices;
import io.studycollab.debugger.notifications.Notices.Kind;
import io.studycollab.debugger.profiles.PasswordKeeper;
import io.studycollab.debugger.profiles.ProfilesController;
import io.studycollab.debugger.window.LiveSession;
import io.studycollab.realtime.session.Redactor;
import java.time.Duration;
import javafx.stage.Window;

/**
 * Puts Supabase sign-in into a window: the account (owned by the caller, closed with the window),
 * its part of the connection bar, the token source for Connect, the keychain for the profile
 * dialog (looked for off the FX thread at start), and the once-a-second tick.
 */
public final class SupabaseFeature {

    private SupabaseFeature() {}

    /** The window's parts this feature plugs into. */
    public record Parts(
            LiveSession session,
            ConnectionController connection,
            ConnectionBar bar,
            ProfilesController profiles,
            Notices notices,
            Redactor redactor,
            Tasks tasks,
            Window owner) {}

    public static SupabaseAccount install(Parts w) {
        PasswordVault vault = new PasswordVault();
        w.tasks().create(vault::probe).run();
        SupabaseAccount account = new SupabaseAccount(
                w.session().clock(),
                w.session()::client,
                w.connection()::liveProfile,
                w.notices(),
                w.redactor(),
                w.tasks(),
                vault);
        account.askPasswordsWith(
                login -> new PasswordPrompt(w.owner(), login.who(), login.projectUrl(), vault.status()).ask());
        w.connection().takeSignInsFrom(account::tokensFor);
        w.profiles().keepPasswordsWith(keeper(vault, w.tasks(), w.notices()));
        w.bar()
                .showAfterToken(new AccountView(
                        account,
                        w.bar().profileBox().valueProperty(),
                        w.bar()::showToken,
                        w.session().pump()));
        w.session().pump().every(FxEventPump.Phase.MODELS, Duration.ofSeconds(1), now -> account.tick());
        return account;
    }

    private static PasswordKeeper keeper(PasswordVault vault, Tasks tasks, Notices notices) {
        return new PasswordKeeper() {
            @Override
            public String unavailableNote() {
                PasswordVault.Status s = vault.status();
                return s.available() ? null : s.note();
            }

            @Override
            public void keep(String account, String password) {
                tasks.create(() -> vault.put(account, password))
                        .onError(
                                Exception.class,
                                e -> notices.post(
                                        SupabaseAccount.SLOT,
                                        Kind.WARNING,
                                        "Password not kept",
                                        "The OS keychain refused it: " + e.getMessage()))
                        .run();
            }

            @Override
            public void forget(String account) {
                tasks.run(() -> vault.delete(account)).run();
            }
        };
    }
}
