package io.studycollab.realtime.admin;

import java.util.Objects;

/** The admin namespace's basic-auth password: held, sent in the CONNECT packet, never printed. */
public final class AdminPassword {

    private final String value;

    private AdminPassword(String value) {
        this.value = value;
    }

    public static AdminPassword of(String value) {
        Objects.requireNonNull(value, "password");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the admin password is empty");
        }
        return new AdminPassword(value);
    }

    /** The clear text, for the handshake only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "AdminPassword[masked]";
    }
}
