package dev.breakwater.gateway.policy.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.Key;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A signing key ready to check signatures: the JWK (its {@code kid}, {@code use} and {@code alg} pick
 * the tokens it is tried on) and its Java key, converted once — when the policy is compiled, or when an
 * OpenID provider's key set is fetched — rather than for every token.
 *
 * @param jwk the key as given or fetched
 * @param key its public (or HMAC secret) key, or null when no verifier takes it (e.g. an OKP key, a
 *            malformed one): such a key still counts as known for its {@code kid}, but verifies nothing
 */
public record VerificationKey(JWK jwk, Key key) {

    /** The key of a JWK, converted now. */
    public static VerificationKey of(JWK jwk) {
        return new VerificationKey(jwk, javaKey(jwk));
    }

    /** The keys of JWKs, converted now. */
    public static List<VerificationKey> of(List<JWK> jwks) {
        List<VerificationKey> out = new ArrayList<>(jwks.size());
        for (JWK jwk : jwks) {
            out.add(of(jwk));
        }
        return Collections.unmodifiableList(out);
    }

    private static Key javaKey(JWK jwk) {
        try {
            if (jwk instanceof OctetSequenceKey oct) {
                return oct.toSecretKey("HmacSHA256"); // the MAC verifier takes the bytes, whatever the name
            }
            if (jwk instanceof RSAKey rsa) {
                return rsa.toRSAPublicKey();
            }
            if (jwk instanceof ECKey ec) {
                return ec.toECPublicKey();
            }
        } catch (JOSEException e) {
            return null;
        }
        return null; // OKP (EdDSA) keys: not checked, the token finds no key
    }
}
