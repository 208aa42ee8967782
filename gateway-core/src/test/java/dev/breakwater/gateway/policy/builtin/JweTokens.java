package dev.breakwater.gateway.policy.builtin;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** Encrypted tokens (JWE, compact) made in tests with Nimbus: a nested signed JWT ({@code cty: JWT}) or bare claims. */
public final class JweTokens {

    /** A 256-bit key for {@code dir} with A256GCM / A128CBC-HS256 or for A256KW, base64 as {@code <key>} takes it. */
    public static final byte[] KEY_256 = "fedcba9876543210FEDCBA9876543210".getBytes(StandardCharsets.US_ASCII);
    public static final String KEY_256_BASE64 = Base64.getEncoder().encodeToString(KEY_256);

    private JweTokens() {
    }

    /** {@code inner} (a compact JWT) encrypted with {@code alg}/{@code enc}, {@code cty: JWT}. */
    public static String nested(String inner, JWEAlgorithm alg, EncryptionMethod enc, JWEEncrypter encrypter,
                                String kid) {
        return encrypt(new JWEHeader.Builder(alg, enc).contentType("JWT").keyID(kid).build(), inner, encrypter);
    }

    /** Bare claims (a JSON object) encrypted, no {@code cty}. */
    public static String claims(String json, JWEAlgorithm alg, EncryptionMethod enc, JWEEncrypter encrypter) {
        return encrypt(new JWEHeader(alg, enc), json, encrypter);
    }

    /** {@code text} compressed with DEFLATE ({@code zip: DEF}) then encrypted. */
    public static String compressed(String text, JWEAlgorithm alg, EncryptionMethod enc, JWEEncrypter encrypter) {
        return encrypt(new JWEHeader.Builder(alg, enc).compressionAlgorithm(CompressionAlgorithm.DEF)
                .contentType("JWT").build(), text, encrypter);
    }

    public static String encrypt(JWEHeader header, String text, JWEEncrypter encrypter) {
        try {
            JWEObject jwe = new JWEObject(header, new Payload(text));
            jwe.encrypt(encrypter);
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JWEEncrypter direct(byte[] key) {
        try {
            return new DirectEncrypter(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JWEEncrypter aesKeyWrap(byte[] key) {
        try {
            return new AESEncrypter(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An encrypter to a certificate's public key: RSA (RSA-OAEP*) or EC (ECDH-ES*). */
    public static JWEEncrypter toPublicKey(PublicKey key) {
        try {
            if (key instanceof RSAPublicKey rsa) {
                return new RSAEncrypter(rsa);
            }
            return new ECDHEncrypter((ECPublicKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
