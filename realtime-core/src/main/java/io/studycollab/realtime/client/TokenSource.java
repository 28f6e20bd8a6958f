package io.studycollab.realtime.client;

import java.util.function.Supplier;

/**
 * The token connections open with: the one last given, unless a supplier (a self-refreshing
 * Supabase session) has a newer one when a connection opens. Confined to the event thread.
 */
final class TokenSource {

    private AccessToken token;
    private Supplier<AccessToken> supplier;

    void set(AccessToken newToken) {
        token = newToken;
    }

    /** Asked on the event thread at every (re)connect: it must not block. */
    void supplier(Supplier<AccessToken> newSupplier) {
        supplier = newSupplier;
    }

    /** For a connection about to open: the supplier's token when it has one (kept from then on), else the last given. */
    AccessToken forNewConnection() {
        AccessToken supplied = supplier != null ? supplier.get() : null;
        if (supplied != null) {
            token = supplied;
        }
        return token;
    }

    /** The token of the current connection. */
    AccessToken current() {
        return token;
    }
}
