package io.studycollab.realtime.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.studycollab.realtime.protocol.ErrorCodes;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.function.LongSupplier;

/**
 * Checks a token against a Supabase project's asymmetric signing keys: the key is looked up by
 * the token's {@code kid}, the algorithm comes from the key (EC P-256: ES256, RSA: RS256), and a
 * token whose header claims anything else is refused, so neither HS/RS confusion (an HMAC keyed
 * with the public key) nor {@code alg: none} gets through. Then the signature and the issuer
 * ({@code <project>/auth/v1}). Expiry, audience and subject are {@link TokenVerifier}'s.
 */
public final class JwksVerifier {

    private static final int MIN_RSA_BITS = 2048;

    private final JwksKeys keys;
    private final String issuer;

    public JwksVerifier(JwksKeys keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /**
     * For {@code serve --supabase-url URL [--jwks-url URL]}: keys from {@code URL/auth/v1/.well-known/jwks.json}
     * unless overridden, issuer {@code URL/auth/v1}.
     */
    public static JwksVerifier forProject(String supabaseUrl, String jwksUrl, LongSupplier nowMillis) {
        String base = supabaseUrl.trim().replaceAll("/+$", "");
        String issuer = base + "/auth/v1";
        String location = jwksUrl != null && !jwksUrl.isBlank() ? jwksUrl.trim() : issuer + "/.well-known/jwks.json";
        JwksKeys keys = JwksKeys.fromUrl(httpUrl(location), nowMillis);
        httpUrl(base);
        return new JwksVerifier(keys, issuer);
    }

    private static URL httpUrl(String text) {
        try {
            URI uri = URI.create(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + text);
            }
            return uri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an http(s) URL: " + text, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public JwksKeys keys() {
        return keys;
    }

    /** Signature by the project's key named in the token, and the issuer. */
    public void check(SignedJWT jwt) throws AuthFailure {
        String kid = jwt.getHeader().getKeyID();
        JWSAlgorithm claimed = jwt.getHeader().getAlgorithm();
        if (kid == null || kid.isBlank()) {
            throw invalid("token (" + claimed + ") names no signing key (kid)");
        }
        JWK jwk;
        try {
            jwk = keys.find(kid);
        } catch (IOException e) {
            throw invalid(e.getMessage());
        }
        if (jwk == null) {
            throw invalid("token signed by an unknown key (kid " + shorten(kid) + ")");
        }
        JWSAlgorithm expected = algorithmOf(jwk);
        if (!expected.equals(claimed)) {
            throw invalid("token says " + claimed + " but key " + shorten(kid) + " is " + jwk.getKeyType() + " ("
                    + expected + ")");
        }
        try {
            if (!jwt.verify(verifierFor(jwk))) {
                throw invalid("bad token signature");
            }
        } catch (JOSEException e) {
            throw invalid("token signature cannot be checked");
        }
        String iss;
        try {
            iss = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw invalid("token claims are not valid JSON");
        }
        if (!issuer.equals(iss)) {
            throw invalid("token issuer is " + iss + ", expected " + issuer);
        }
    }

    private static JWSAlgorithm algorithmOf(JWK jwk) throws AuthFailure {
        JWSAlgorithm alg;
        if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            alg = JWSAlgorithm.ES256;
        } else if (jwk instanceof RSAKey) {
            alg = JWSAlgorithm.RS256;
        } else {
            // Symmetric (oct) or other keys in a JWKS are never used: they would let anyone who
            // can read the key set sign tokens.
            throw invalid(
                    "key " + shorten(jwk.getKeyID()) + " (" + jwk.getKeyType() + ") is not an ES256 or RS256 key");
        }
        if (jwk.getAlgorithm() != null
                && !alg.getName().equals(jwk.getAlgorithm().getName())) {
            throw invalid("key " + shorten(jwk.getKeyID()) + " declares " + jwk.getAlgorithm() + ", not " + alg);
        }
        return alg;
    }

    private static JWSVerifier verifierFor(JWK jwk) throws JOSEException, AuthFailure {
        if (jwk instanceof ECKey ec) {
            return new ECDSAVerifier(ec.toECPublicKey());
        }
        RSAKey rsa = (RSAKey) jwk;
        if (rsa.size() < MIN_RSA_BITS) {
            throw invalid("RSA key " + shorten(jwk.getKeyID()) + " is under " + MIN_RSA_BITS + " bits");
        }
        return new RSASSAVerifier(rsa.toRSAPublicKey());
    }

    private static String shorten(String kid) {
        String k = String.valueOf(kid);
        return k.length() <= 40 ? k : k.substring(0, 40) + "…";
    }

    private static AuthFailure invalid(String message) {
        return new AuthFailure(ErrorCodes.AUTH_INVALID, message);
    }
}
