package io.studycollab.debugger.profiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The profiles the window offers: the embedded sandbox first, then those saved in the store. */
public final class ProfilesController {

    private final ProfileStore store;
    private final Consumer<String> onError;
    private final ObservableList<ServerProfile> profiles = FXCollections.observableArrayList();
    private PasswordKeeper passwords = PasswordKeeper.NONE;

    /** Loads the store now; a problem reading it goes to {@code onError}, with the sandbox still offered. */
    public ProfilesController(ProfileStore store, Consumer<String> onError) {
        this.store = store;
        this.onError = onError;
        profiles.add(ServerProfile.embeddedSandbox());
        ProfileStore.Loaded loaded = store.load();
        profiles.addAll(loaded.profiles());
        if (loaded.problem() != null) {
            onError.accept(loaded.problem());
        }
    }

    /** Where Supabase passwords go when the user asks to remember them. */
    public void keepPasswordsWith(PasswordKeeper keeper) {
        this.passwords = keeper;
    }

    public ObservableList<ServerProfile> profiles() {
        return profiles;
    }

    /**
     * Opens the profile dialog on {@code current}; a saved profile replaces the one of its name and
     * is stored. Returns what was saved, or null when the dialog was cancelled.
     */
    public ServerProfile edit(ServerProfile current) {
        ProfileDialog dialog = new ProfileDialog(current, passwords.unavailableNote());
        ServerProfile saved = dialog.showAndWait().map(this::put).orElse(null);
        if (saved != null && saved.usesSupabase()) {
            SupabaseLogin login = saved.supabase();
            String typed = dialog.passwordToKeep();
            if (typed != null) {
                passwords.keep(login.keychainAccount(), typed);
            } else if (!login.rememberPassword() && !login.anonymous()) {
                passwords.forget(login.keychainAccount()); // no longer to be remembered
            }
        }
        return saved;
    }

    /** Adds or replaces a profile (by name) and stores the list. */
    public ServerProfile put(ServerProfile p) {
        profiles.removeIf(old -> !old.sandbox() && old.name().equals(p.name()));
        profiles.add(p);
        try {
            store.save(new ArrayList<>(profiles));
        } catch (IOException e) {
            onError.accept("Profiles not saved: " + e.getMessage());
        }
        return p;
    }
}
