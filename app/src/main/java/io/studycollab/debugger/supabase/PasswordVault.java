package io.studycollab.debugger.supabase;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * Supabase passwords in the OS keychain (Secret Service over D-Bus on Linux, the macOS Keychain,
 * Windows' Credential Manager) through java-keyring. Where there is none, nothing is stored and
 * the password is asked for at each sign-in: {@link #status()} says which, for the dialogs.
 * Every call may wait on the keychain (D-Bus, a user prompt): call off the FX thread.
 */
public final class PasswordVault {

    static final String SERVICE = "StudyCollab Realtime Debugger (Supabase)";

    /** Whether passwords can be kept, and if not, why (for the profile and password dialogs). */
    public record Status(boolean available, String note) {
        static final Status UNKNOWN = new Status(false, "Looking for the OS keychain…");
    }

    private volatile Status status = Status.UNKNOWN;

    /** Finds the keychain (once; about a second on a desktop without one). */
    public Status probe() {
        try (Keyring k = Keyring.create()) {
            status = new Status(true, "Kept in the OS keychain (" + k.getKeyringStorageType() + ").");
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            status = new Status(
                    false,
                    "No OS keychain here (on Linux: no Secret Service on the D-Bus session bus, e.g. GNOME"
                            + " Keyring or KWallet): the password is not stored and is asked for at each sign-in.");
        } catch (Exception e) {
            status = new Status(
                    false,
                    "The OS keychain failed (" + e.getClass().getSimpleName()
                            + "): the password is asked for at each sign-in.");
        }
        return status;
    }

    public Status status() {
        return status;
    }

    /** The stored password, or empty when none is stored or there is no keychain. */
    public Optional<String> get(String account) {
        if (!status.available()) {
            return Optional.empty();
        }
        try (Keyring k = Keyring.create()) {
            return Optional.ofNullable(k.getPassword(SERVICE, account));
        } catch (PasswordAccessException e) {
            return Optional.empty(); // none stored for this account
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Stores the password; false (and nothing stored) when there is no keychain. */
    public boolean put(String account, String password) throws Exception {
        if (!status.available()) {
            return false;
        }
        try (Keyring k = Keyring.create()) {
            k.setPassword(SERVICE, account, password);
            return true;
        }
    }

    /** Forgets the password (a profile no longer remembering it, or a password Auth refused). */
    public void delete(String account) {
        if (!status.available()) {
            return;
        }
        try (Keyring k = Keyring.create()) {
            k.deletePassword(SERVICE, account);
        } catch (Exception e) {
            // nothing stored under that account: nothing to forget
        }
    }
}
