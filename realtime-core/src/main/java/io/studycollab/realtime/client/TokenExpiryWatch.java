package io.studycollab.realtime.client;

import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Warns before the connection's token expires: reads {@code exp} from the token (a token that is
 * not a readable JWT is left to the server) and records {@code client:token-expiring} the set time
 * before it, on the client's clock, if the connection it was armed for is still current.
 */
final class TokenExpiryWatch {

    private final ClientRecords records;
    private final Duration warnBefore;
    private final Consumer<Runnable> loop;
    private long expiresAt = -1;
    private Clock.Cancellable timer;

    TokenExpiryWatch(ClientRecords records, Duration warnBefore, Consumer<Runnable> loop) {
        this.records = records;
        this.warnBefore = warnBefore;
        this.loop = loop;
    }

    void watch(AccessToken token, BooleanSupplier stillCurrent) {
        if (token == null) {
            return;
        }
        Instant expires;
        try {
            expires = TokenClaims.decode(token).expiresAt();
        } catch (IllegalArgumentException e) {
            return; // not a JWT we can read; the server decides
        }
        if (expires == null) {
            return;
        }
        expiresAt = expires.toEpochMilli();
        Clock clock = records.clock();
        long warnIn = expiresAt - warnBefore.toMillis() - clock.wallMillis();
        timer = clock.schedule(
                Duration.ofMillis(Math.max(0, warnIn)),
                () -> loop.accept(() -> {
                    if (stillCurrent.getAsBoolean()) {
                        long left = Math.max(0, expiresAt - clock.wallMillis());
                        records.local(
                                EventNames.CLIENT_TOKEN_EXPIRING,
                                ProtocolCodec.object()
                                        .put(
                                                "expiresAt",
                                                Instant.ofEpochMilli(expiresAt).toString())
                                        .put("secondsLeft", left / 1000));
                    }
                }));
    }

    void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** When the last token read expires (epoch millis), or -1 when none could be read. */
    long expiresAt() {
        return expiresAt;
    }
}
