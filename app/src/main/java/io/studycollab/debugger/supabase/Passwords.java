package io.studycollab.debugger.supabase;

import io.studycollab.debugger.fx.Tasks;
import io.studycollab.debugger.notifications.Notices;
import io.studycollab.debugger.notifications.Notices.Kind;
import io.studycollab.debugger.profiles.PasswordKeeper;
import io.studycollab.debugger.profiles.SupabaseLogin;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where a sign-in's password comes from: the OS keychain when one is kept there (read off the FX
 * thread), otherwise the password dialog, which can put it in the keychain. Also the profile
 * dialog's {@link PasswordKeeper}. Keychain failures go to the notification strip.
 */
final class Passwords implements PasswordKeeper {

    private final PasswordVault vault;
    private final Tasks tasks;
    private final Notices notices;
    private final Function<SupabaseLogin, Optional<PasswordPrompt.Answer>> ask;

    /** {@code ask} shows the password dialog (FX thread); empty when the user cancels. */
    Passwords(
            PasswordVault vault,
            Tasks tasks,
            Notices notices,
            Function<SupabaseLogin, Optional<PasswordPrompt.Answer>> ask) {
        this.vault = vault;
        this.tasks = tasks;
        this.notices = notices;
        this.ask = ask;
    }

    /** Calls {@code use} with the password on the FX thread, or {@code cancelled} when the user gave none. */
    void forSignIn(SupabaseLogin login, Consumer<String> use, Runnable cancelled) {
        tasks.create(() -> vault.get(login.keychainAccount()))
                .onSuccess(stored -> stored.ifPresentOrElse(use, () -> askFor(login, use, cancelled)))
                .onError(Exception.class, e -> askFor(login, use, cancelled))
                .run();
    }

    private void askFor(SupabaseLogin login, Consumer<String> use, Runnable cancelled) {
        Optional<PasswordPrompt.Answer> answer = ask.apply(login);
        if (answer.isEmpty()) {
            cancelled.run();
            return;
        }
        if (answer.get().remember()) {
            keep(login.keychainAccount(), answer.get().password());
        }
        use.accept(answer.get().password());
    }

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
}
