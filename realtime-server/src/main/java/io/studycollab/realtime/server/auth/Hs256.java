package io.studycollab.realtime.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 with any secret a server may use. nimbus-jose-jwt refuses keys under 256 bits (RFC 7518
 * §3.2 says they must not be used), but servers on Node's jsonwebtoken accept them, so QA must be
 * able to mint for (and, when told to, verify like) such a server. Secrets of 32 bytes or more go
 * to nimbus; shorter ones are computed here with the JDK's {@link Mac}, the same HMAC-SHA256.
 */
public final class Hs256 {

    /** Under this many bytes a secret is weak (RFC 7518 §3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    private Hs256() {}

    public static boolean isWeak(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES;
    }

    /** The one-line warning commands print on stderr when minting with a weak secret. */
    public static String weakSecretWarning(String secret) {
        return "warning: " + weakSecretNote(secret);
    }

    /** What is wrong with a weak secret, in one sentence (the window's notice). */
    public static String weakSecretNote(String secret) {
        return "the JWT secret is only " + secret.getBytes(StandardCharsets.UTF_8).length
                + " bytes (HS256 wants at least " + MIN_SECRET_BYTES
                + "): tokens signed with it can be forged by brute force; use such a secret for testing only";
    }

    public static JWSSigner signer(String secret) {
        return pick(secret, MACSigner::new);
    }

    public static JWSVerifier verifier(String secret) {
        return pick(secret, MACVerifier::new);
    }

    private interface NimbusKey<T> {
        T of(byte[] key) throws JOSEException;
    }

    /** nimbus for a secret of 256 bits or more, {@link ShortKey} under that. */
    @SuppressWarnings("unchecked")
    private static <T> T pick(String secret, NimbusKey<T> nimbus) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length == 0) {
            throw new IllegalArgumentException("the JWT secret is empty");
        }
        try {
            return key.length >= MIN_SECRET_BYTES ? nimbus.of(key) : (T) new ShortKey(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable JWT secret: " + e.getMessage(), e);
        }
    }

    /** HMAC-SHA256 over a key nimbus will not take. HS256 only. */
    private static final class ShortKey implements JWSSigner, JWSVerifier {

        private final SecretKeySpec key;
        private final JCAContext jca = new JCAContext();

        ShortKey(byte[] secret) {
            this.key = new SecretKeySpec(secret, "HmacSHA256");
        }

        private byte[] mac(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
                throw new JOSEException("only HS256 is computed with a short secret");
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac.doFinal(signingInput);
            } catch (GeneralSecurityException e) {
                throw new JOSEException("HMAC-SHA256 failed: " + e.getMessage(), e);
            }
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            return Base64URL.encode(mac(header, signingInput));
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            // Constant time, as nimbus does: the comparison must not tell how much of a forgery matched.
            return MessageDigest.isEqual(mac(header, signingInput), signature.decode());
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.HS256);
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}
