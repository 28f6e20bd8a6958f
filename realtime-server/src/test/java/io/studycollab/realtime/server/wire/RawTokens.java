package io.studycollab.realtime.server.wire;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import io.studycollab.realtime.testing.TestTokens;
import java.nio.charset.StandardCharsets;

/** Validly signed tokens whose claims are written as raw JSON, so a test can forge any claim value. */
public final class RawTokens {

    private RawTokens() {}

    public static String signed(String claimsJson) {
        try {
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    new Payload(claimsJson));
            jws.sign(new MACSigner(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8)));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims of a normal user with {@code extra} (raw JSON members, may override) appended. */
    public static String claims(String sub, Object expSeconds, String extra) {
        return "{\"sub\":\"" + sub + "\",\"aud\":\"authenticated\",\"role\":\"authenticated\",\"exp\":" + expSeconds
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    /** The CONNECT packet carrying {@code token}. */
    public static String connect(String token) {
        return "40{\"token\":\"" + token + "\"}";
    }
}
