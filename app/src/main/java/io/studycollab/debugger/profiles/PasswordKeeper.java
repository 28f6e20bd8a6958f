package io.studycollab.debugger.profiles;

/** Where a Supabase profile's password goes when the user asks to remember it (the OS keychain). */
public interface PasswordKeeper {

    /** Null when passwords can be kept; otherwise why not (shown in the profile dialog). */
    String unavailableNote();

    /** Keeps {@code password} for {@code account} (off the FX thread; failures told to the user). */
    void keep(String account, String password);

    /** Forgets what is kept for {@code account}, if anything. */
    void forget(String account);

    /** No keychain at all: every password is asked for at sign-in. */
    PasswordKeeper NONE = new PasswordKeeper() {
        @Override
        public String unavailableNote() {
            return "No OS keychain: the password is asked for at each sign-in.";
        }

        @Override
        public void keep(String account, String password) {}

        @Override
        public void forget(String account) {}
    };
}
