package dev.breakwater.gateway.policy.builtin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.SignedJWT;
import dev.breakwater.gateway.policy.jwt.VerificationKey;
import java.security.Key;
import java.util.List;

/**
 * Checks a signed token against candidate keys (converted once, see {@link VerificationKey}) with
 * Nimbus: a key is tried only when its id matches the token's {@code kid} (or either has none) and
 * its type permits the token's algorithm (HMAC for an octet key, RS/PS for RSA, ES for EC — Nimbus's
 * verifier factory refuses the rest, which rules out algorithm confusion such as HS256 signed with an
 * RSA public key).
 */
final class JwtSignatures {

    /** What the candidate keys say of the signature. */
    enum Result { VERIFIED, KEY_NOT_FOUND, INVALID }

    private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

    private JwtSignatures() {
    }

    static Result verify(SignedJWT token, List<? extends List<VerificationKey>> keySets) {
        JWSHeader header = token.getHeader();
        String kid = header.getKeyID();
        boolean anyCandidate = false;
        for (List<VerificationKey> keys : keySets) {
            for (VerificationKey candidate : keys) {
                JWK jwk = candidate.jwk();
                if (kid != null && jwk.getKeyID() != null && !kid.equals(jwk.getKeyID())) {
                    continue;
                }
                if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
                    continue;
                }
                if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(header.getAlgorithm())) {
                    continue;
                }
                Key key = candidate.key();
                if (key == null) {
                    continue;
                }
                JWSVerifier verifier;
                try {
                    verifier = VERIFIERS.createJWSVerifier(header, key);
                } catch (JOSEException e) { // the key's type or length does not permit the algorithm
                    continue;
                }
                anyCandidate = true;
                try {
                    if (token.verify(verifier)) {
                        return Result.VERIFIED;
                    }
                } catch (JOSEException | IllegalStateException e) {
                    // this key cannot check it (e.g. a critical header it does not understand): try the next
                }
            }
        }
        return anyCandidate ? Result.INVALID : Result.KEY_NOT_FOUND;
    }

    /** Whether the token names a key id none of the keys has (an OpenID provider may have rolled its keys). */
    static boolean kidUnknown(SignedJWT token, List<? extends List<VerificationKey>> keySets) {
        String kid = token.getHeader().getKeyID();
        if (kid == null) {
            return false;
        }
        for (List<VerificationKey> keys : keySets) {
            for (VerificationKey key : keys) {
                if (kid.equals(key.jwk().getKeyID())) {
                    return false;
                }
            }
        }
        return true;
    }
}
