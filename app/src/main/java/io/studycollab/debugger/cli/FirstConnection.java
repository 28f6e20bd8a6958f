package io.studycollab.debugger.cli;

import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.ConnectionState;
import io.studycollab.realtime.client.RealtimeClient;
import io.studycollab.realtime.client.StateChange;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connects and waits for the first outcome, for commands that must stop when the server cannot
 * be reached or refuses the token rather than retry in the background.
 */
final class FirstConnection {

    private FirstConnection() {}

    /** Null when connected, else why not (the first retry, a refusal, or no answer within {@code wait}). */
    static String connect(RealtimeClient client, String url, AccessToken token, Duration wait)
            throws InterruptedException {
        AtomicReference<StateChange> first = new AtomicReference<>();
        CountDownLatch settled = new CountDownLatch(1);
        var subscription = client.onStateChange(c -> {
            if (first.get() == null && c.to() != ConnectionState.CONNECTING) {
                first.set(c);
                settled.countDown();
            }
        });
        try {
            client.connect(url, token);
            if (!settled.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return "cannot connect to " + url + ": no answer";
            }
            StateChange c = first.get();
            return c.to() == ConnectionState.CONNECTED ? null : "cannot connect to " + url + ": " + c.reason();
        } finally {
            subscription.unsubscribe();
        }
    }
}
