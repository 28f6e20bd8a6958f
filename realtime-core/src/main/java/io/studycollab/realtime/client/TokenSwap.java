package io.studycollab.realtime.client;

import io.socket.client.Socket;
import io.studycollab.realtime.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * One live token swap in progress (see {@link RealtimeClient#reauthenticate}): the standby
 * connection opened with the new token, the group it is to join, and who waits for the outcome.
 * Plain state, confined to the event thread.
 */
final class TokenSwap {

    final Socket socket;
    final long generation;
    final String group;
    final CompletableFuture<Void> done;
    /** The standby's own handshake ({@code connection:established}, {@code group:joined}) is not shown. */
    boolean joined;

    Clock.Cancellable timeout;

    TokenSwap(Socket socket, long generation, String group, CompletableFuture<Void> done) {
        this.socket = socket;
        this.generation = generation;
        this.group = group;
        this.done = done;
    }
}
