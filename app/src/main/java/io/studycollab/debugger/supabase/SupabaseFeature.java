package io.studycollab.debugger.supabase;

import io.studycollab.debugger.connection.ConnectionBar;
import io.studycollab.debugger.connection.ConnectionController;
import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.fx.Tasks;
import io.studycollab.debugger.notifications.Notices;
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
        Passwords passwords = new Passwords(
                vault,
                w.tasks(),
                w.notices(),
                login -> new PasswordPrompt(w.owner(), login.who(), login.projectUrl(), vault.status()).ask());
        SupabaseAccount account = new SupabaseAccount(
                w.session().clock(),
                w.session()::client,
                w.connection()::liveProfile,
                w.notices(),
                w.redactor(),
                passwords);
        w.connection().takeSignInsFrom(account::tokensFor);
        w.profiles().keepPasswordsWith(passwords);
        w.bar()
                .showAfterToken(new AccountView(
                        account,
                        w.bar().profileBox().valueProperty(),
                        w.bar()::showToken,
                        w.session().pump()));
        w.session().pump().every(FxEventPump.Phase.MODELS, Duration.ofSeconds(1), now -> account.tick());
        return account;
    }
}
