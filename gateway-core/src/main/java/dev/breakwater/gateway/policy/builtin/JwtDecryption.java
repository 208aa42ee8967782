package dev.breakwater.gateway.policy.builtin;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opens encrypted tokens (JWE, compact form) with validate-jwt's {@code <decryption-keys>}: the first
 * key that decrypts the token wins. A key is tried only when its {@code id} matches the token's
 * {@code kid} (or either has none) and it was made for the token's {@code alg} (a key's algorithms are
 * fixed when it is compiled, from its kind and length: the header never picks an algorithm the key is
 * not for, so no RSA1_5, no PBES2, no symmetric key used as a password). The content encryption must be
 * one of RFC 7518's six. Work is bounded: a token longer than {@link #MAX_TOKEN_CHARS} is refused before
 * any cryptography, and a compressed payload ({@code zip: DEF}) may inflate to at most
 * {@link #MAX_PLAINTEXT_BYTES} (Nimbus stops the inflation there).
 */
final class JwtDecryption {

    /** The longest encrypted token tried: Entra ID's largest tokens are a fraction of it. */
    static final int MAX_TOKEN_CHARS = 64 * 1024;
    /** The largest decrypted (and inflated) payload accepted. */
    static final int MAX_PLAINTEXT_BYTES = 64 * 1024;

    /** The content encryption methods of RFC 7518 (Nimbus also knows older and non-standard ones). */
    static final Set<EncryptionMethod> METHODS = Set.of(EncryptionMethod.A128CBC_HS256, EncryptionMethod.A192CBC_HS384,
            EncryptionMethod.A256CBC_HS512, EncryptionMethod.A128GCM, EncryptionMethod.A192GCM, EncryptionMethod.A256GCM);

    /** No decryption keys: every encrypted token is refused. */
    static final JwtDecryption NONE = new JwtDecryption(List.of());

    /**
     * A compiled decryption key.
     *
     * @param kid        its {@code id}, or null
     * @param decrypters a decrypter for each algorithm the key is for
     * @param directBits for a symmetric key usable with {@code dir}, its length in bits (the content
     *                   encryption must need exactly that), else 0
     */
    record Key(String kid, Map<JWEAlgorithm, JWEDecrypter> decrypters, int directBits) {

        /** The decrypter for this header, or null when the key is not for its algorithm and method. */
        JWEDecrypter decrypterFor(JWEHeader header) {
            if (!METHODS.contains(header.getEncryptionMethod())) {
                return null;
            }
            if (JWEAlgorithm.DIR.equals(header.getAlgorithm())
                    && header.getEncryptionMethod().cekBitLength() != directBits) {
                return null;
            }
            return decrypters.get(header.getAlgorithm());
        }
    }

    /** Why an encrypted token was refused; its message is the policy's {@code JwtInvalid} message. */
    static final class Refusal extends Exception {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    /** A decrypted token: the nested token (signed, or unsigned when the payload was bare claims) and its text. */
    record Opened(JWT token, String text) {
    }

    private final List<Key> keys;

    JwtDecryption(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * The token inside an encrypted one: a nested JWT (the payload is a compact JWT, as {@code cty: JWT}
     * announces) or, when the payload is a JSON object, its claims as an unsigned token (which passes only
     * with {@code require-signed-tokens="false"}).
     */
    Opened open(EncryptedJWT token, String text) throws Refusal {
        if (keys.isEmpty()) {
            throw new Refusal("JWT is encrypted and no decryption key is configured.");
        }
        if (text.length() > MAX_TOKEN_CHARS) {
            throw new Refusal("Encrypted JWT is too large.");
        }
        Payload payload = decrypt(token);
        if (payload == null) {
            throw new Refusal("JWT could not be decrypted.");
        }
        String inner = payload.toString();
        if (inner == null || inner.length() > MAX_PLAINTEXT_BYTES) {
            throw new Refusal("Encrypted JWT is too large.");
        }
        inner = inner.strip();
        try {
            if (inner.startsWith("{")) {
                PlainJWT claims = new PlainJWT(JWTClaimsSet.parse(inner));
                return new Opened(claims, claims.serialize());
            }
            JWT nested = JWTParser.parse(inner);
            if (nested instanceof EncryptedJWT) {
                throw new Refusal("Nested encrypted JWTs are not supported.");
            }
            return new Opened(nested, inner);
        } catch (ParseException e) {
            throw new Refusal("The decrypted JWT is not well formed.");
        }
    }

    /** The payload the first fitting key decrypts, or null. */
    private Payload decrypt(EncryptedJWT token) {
        JWEHeader header = token.getHeader();
        String kid = header.getKeyID();
        for (Key key : keys) {
            if (kid != null && key.kid() != null && !kid.equals(key.kid())) {
                continue;
            }
            JWEDecrypter decrypter = key.decrypterFor(header);
            if (decrypter == null) {
                continue;
            }
            try {
                token.decrypt(decrypter);
                return token.getPayload();
            } catch (JOSEException | IllegalStateException e) {
                // not this key (or a tampered token, which no key opens): try the next
            }
        }
        return null;
    }
}
