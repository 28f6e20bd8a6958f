package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.protocol.EventNames;
import io.studycollab.realtime.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenExpiryWatchTest {

    private final ClientPartsFixture f = new ClientPartsFixture();
    private final TokenExpiryWatch watch = new TokenExpiryWatch(f.out, Duration.ofSeconds(60), f.loop);

    @Test
    void warnsTheSetTimeBeforeExpiryOnTheClientsClock() {
        watch.watch(TestTokens.token("u", "U", 120), () -> true);
        long warnAt = watch.expiresAt() - 60_000;
        assertTrue(warnAt > f.clock.wallMillis());
        f.clock.advance(Duration.ofMillis(warnAt - f.clock.wallMillis() - 1));
        assertEquals(0, f.named(EventNames.CLIENT_TOKEN_EXPIRING).size());
        f.clock.advance(Duration.ofMillis(1));
        assertEquals(1, f.named(EventNames.CLIENT_TOKEN_EXPIRING).size());
        long left = f.named(EventNames.CLIENT_TOKEN_EXPIRING)
                .get(0)
                .payload()
                .path("secondsLeft")
                .asLong();
        assertEquals(60, left);
    }

    @Test
    void noWarningForAConnectionNoLongerCurrentOrAfterStop() {
        watch.watch(TestTokens.token("u", "U", 120), () -> false);
        f.clock.advance(Duration.ofSeconds(120));
        watch.watch(TestTokens.token("u", "U", 120), () -> true);
        watch.stop();
        f.clock.advance(Duration.ofSeconds(120));
        assertEquals(0, f.named(EventNames.CLIENT_TOKEN_EXPIRING).size());
    }

    @Test
    void aTokenThatIsNotAJwtIsLeftToTheServer() {
        watch.watch(AccessToken.of("opaque-token"), () -> true);
        watch.watch(null, () -> true);
        f.clock.advance(Duration.ofDays(1));
        assertEquals(-1, watch.expiresAt());
        assertEquals(0, f.records.size());
    }
}
