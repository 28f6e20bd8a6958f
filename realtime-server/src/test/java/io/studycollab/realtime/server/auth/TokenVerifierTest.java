package io.studycollab.realtime.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.studycollab.realtime.server.wire.RawTokens;
import io.studycollab.realtime.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private final TokenVerifier verifier =
            new TokenVerifier(TestTokens.SECRET, "authenticated", System::currentTimeMillis);

    private String code(Object token) {
        return assertThrows(AuthFailure.class, () -> verifier.verify(token)).code();
    }

    @Test
    void acceptsMintedTokensAndReadsDisplayData() throws Exception {
        TokenMinter minter = new TokenMinter(TestTokens.SECRET, "authenticated");
        VerifiedUser u = verifier.verify(
                minter.mint("u1", "Ada", "https://example.invalid/a.png", List.of("g1"), Duration.ofMinutes(5))
                        .reveal());
        assertEquals("u1", u.userId());
        assertEquals("Ada", u.displayName());
        assertEquals("https://example.invalid/a.png", u.avatarUrl());
        assertEquals(List.of("g1"), u.groups());
        VerifiedUser noName = verifier.verify(
                minter.mint("u2", null, null, null, Duration.ofMinutes(5)).reveal());
        assertEquals("u2", noName.displayName(), "falls back to sub");
        assertNull(noName.groups());
    }

    @Test
    void refusesEverythingElseWithTheRightCode() {
        assertEquals("AUTH_MISSING", code(null));
        assertEquals("AUTH_MISSING", code(" "));
        assertEquals("AUTH_INVALID", code(42));
        assertEquals("AUTH_INVALID", code("garbage"));
        assertEquals("AUTH_EXPIRED", code(TestTokens.token("u", "U", -5).reveal()));
        assertEquals(
                "AUTH_INVALID",
                code(TestTokens.token(
                                "another-secret-another-secret-another-secret", "u", "U", 60, null, "authenticated")
                        .reveal()));
        assertEquals(
                "AUTH_INVALID",
                code(TestTokens.token(TestTokens.SECRET, "u", "U", 60, null, "anon")
                        .reveal()));
        String valid = TestTokens.token("u", "U", 60).reveal();
        String[] parts = valid.split("\\.");
        String none = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        assertEquals("AUTH_INVALID", code(none));
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];
        assertEquals("AUTH_INVALID", code(tampered));
    }

    private final long now = System.currentTimeMillis() / 1000;

    private String withClaims(String extra) {
        return RawTokens.signed(RawTokens.claims("u", now + 600, extra));
    }

    @Test
    void nbfAndIatInTheFutureBeyondTheClockSkewAreRefused() throws Exception {
        long skew = TokenVerifier.CLOCK_SKEW.toSeconds();
        assertEquals("AUTH_INVALID", code(withClaims("\"nbf\":" + (now + skew + 5))));
        assertEquals("AUTH_INVALID", code(withClaims("\"iat\":" + (now + skew + 5))));
        assertEquals(
                "u", verifier.verify(withClaims("\"nbf\":" + (now + skew - 5))).userId(), "within skew");
        assertEquals(
                "u", verifier.verify(withClaims("\"iat\":" + (now + skew - 5))).userId(), "within skew");
        assertEquals(
                "u",
                verifier.verify(withClaims("\"nbf\":" + (now - 100) + ",\"iat\":" + (now - 100)))
                        .userId());
        assertEquals("AUTH_INVALID", code(withClaims("\"nbf\":\"tomorrow\"")));
    }

    private String withSub(String rawSub) {
        return RawTokens.signed("{\"sub\":" + rawSub + ",\"aud\":\"authenticated\",\"exp\":" + (now + 600) + "}");
    }

    @Test
    void subMustBeANonEmptyString() {
        assertEquals("AUTH_INVALID", code(withSub("\"\"")));
        assertEquals("AUTH_INVALID", code(withSub("42")));
        assertEquals("AUTH_INVALID", code(withSub("{\"id\":\"u\"}")));
        assertEquals("AUTH_INVALID", code(RawTokens.signed("{\"aud\":\"authenticated\",\"exp\":" + (now + 600) + "}")));
    }

    @Test
    void anExpiryPastTheYear9999CountsAsThen() throws Exception {
        for (String exp : List.of("253402300799", "100000000000000000", "9.9e15", "1e300")) {
            VerifiedUser u = verifier.verify(RawTokens.signed(RawTokens.claims("u", exp, "")));
            assertEquals(TokenVerifier.LATEST.toEpochMilli(), u.expiresAtMillis(), exp);
        }
        assertEquals("AUTH_INVALID", code(RawTokens.signed(RawTokens.claims("u", -1, ""))));
        assertEquals("AUTH_INVALID", code(RawTokens.signed(RawTokens.claims("u", "\"soon\"", ""))));
    }
}
