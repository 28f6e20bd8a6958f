package io.studycollab.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.realtime.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    @Test
    void decodesWhoAndHowLongWithoutTheSecret() {
        AccessToken t = TestTokens.token(
                "s3cr3t-but-not-ours-and-long-enough-for-hs256",
                "user-1",
                "Ada Lovelace",
                3600,
                List.of("g1", "g2"),
                "authenticated");
        TokenClaims c = TokenClaims.decode(t);
        assertEquals("user-1", c.subject());
        assertEquals("Ada Lovelace", c.displayName());
        assertEquals("authenticated", c.audience());
        assertEquals("HS256", c.algorithm());
        assertEquals(List.of("g1", "g2"), c.groups());
        Duration left = c.timeLeft(Instant.now());
        assertTrue(left.toSeconds() > 3500 && left.toSeconds() <= 3600, left.toString());
        assertFalse(c.expired(Instant.now()));
    }

    @Test
    void theTokenTextNeverLeaksThroughToStringOrErrors() {
        AccessToken t = TestTokens.token("u", "N", 60);
        assertFalse(t.toString().contains(t.reveal()));
        assertFalse(t.fingerprint().contains(t.reveal().substring(0, 10)));
        AccessToken garbage = AccessToken.of("abc.def-not-base64!.ghi");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenClaims.decode(garbage));
        assertFalse(e.getMessage().contains("def-not-base64"));
        assertThrows(IllegalArgumentException.class, () -> TokenClaims.decode(AccessToken.of("only-one-part")));
    }
}
