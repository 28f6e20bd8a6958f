package io.studycollab.debugger.supabase;

import io.studycollab.realtime.supabase.AuthSession;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the window shows of the Supabase sign-in, as read-only properties (FX thread only). */
public final class AccountState {

    private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper profileName = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Instant> expiresAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper accessToken = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper refreshFailing = new ReadOnlyBooleanWrapper();

    void signingIn(boolean on) {
        busy.set(on);
    }

    void signedIn(String profile) {
        profileName.set(profile);
    }

    void show(AuthSession current, Instant expires, boolean failing) {
        who.set(current.who());
        expiresAt.set(expires);
        accessToken.set(current.accessToken().reveal());
        refreshFailing.set(failing);
    }

    void clear() {
        profileName.set(null);
        who.set(null);
        expiresAt.set(null);
        accessToken.set(null);
        refreshFailing.set(false);
    }

    /** The signed-in user (email or "anonymous (id)"), null when signed out. */
    public ReadOnlyStringProperty whoProperty() {
        return who.getReadOnlyProperty();
    }

    /** The profile the session was signed in with, null when signed out. */
    public ReadOnlyStringProperty profileNameProperty() {
        return profileName.getReadOnlyProperty();
    }

    /** When the access token in hand expires, on the window's clock. */
    public ReadOnlyObjectProperty<Instant> expiresAtProperty() {
        return expiresAt.getReadOnlyProperty();
    }

    /** The access token in hand (for the masked token field and the claims popover). */
    public ReadOnlyStringProperty accessTokenProperty() {
        return accessToken.getReadOnlyProperty();
    }

    /** A sign-in is under way (password asked, or Auth not answered yet). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last refresh failed (the notification strip says why). */
    public ReadOnlyBooleanProperty refreshFailingProperty() {
        return refreshFailing.getReadOnlyProperty();
    }
}
