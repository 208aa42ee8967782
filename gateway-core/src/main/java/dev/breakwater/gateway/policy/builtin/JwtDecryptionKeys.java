package dev.breakwater.gateway.policy.builtin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEDecrypterOption;
import com.nimbusds.jose.crypto.AESDecrypter;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.opts.MaxDecompressedPlainTextLength;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles {@code <decryption-keys><key>} of validate-jwt and validate-azure-ad-token: a base64
 * symmetric key as text (for {@code dir} when its length is a content encryption key's, and AES key
 * wrap {@code A*KW} / {@code A*GCMKW} when it is 128, 192 or 256 bits), or {@code certificate-id} naming
 * one of the gateway's certificates with its private key (RSA: {@code RSA-OAEP}, {@code RSA-OAEP-256};
 * EC: {@code ECDH-ES} and {@code ECDH-ES+A*KW}). {@code id} is the key's {@code kid}. An RSA public key
 * ({@code n}/{@code e}) cannot decrypt and is refused. Keys are constants or named values, read here once.
 */
final class JwtDecryptionKeys {

    private static final Set<JWEDecrypterOption> OPTIONS =
            Set.of(new MaxDecompressedPlainTextLength(JwtDecryption.MAX_PLAINTEXT_BYTES));
    /** RSA1_5 is left out on purpose: its padding errors are an oracle (Bleichenbacher). */
    private static final List<JWEAlgorithm> RSA = List.of(JWEAlgorithm.RSA_OAEP_256, JWEAlgorithm.RSA_OAEP);
    private static final List<JWEAlgorithm> ECDH = List.of(JWEAlgorithm.ECDH_ES, JWEAlgorithm.ECDH_ES_A128KW,
            JWEAlgorithm.ECDH_ES_A192KW, JWEAlgorithm.ECDH_ES_A256KW);

    private JwtDecryptionKeys() {
    }

    static JwtDecryption compile(PolicyElement keys, CompileContext context) throws PolicyCompileException {
        keys.allowAttributes();
        keys.allowChildren("key");
        keys.forbidText();
        List<JwtDecryption.Key> out = new ArrayList<>();
        for (PolicyElement key : keys.children()) {
            out.add(key(key, context));
        }
        if (out.isEmpty()) {
            throw new PolicyCompileException(keys, "<decryption-keys> needs at least one <key>");
        }
        return new JwtDecryption(out);
    }

    private static JwtDecryption.Key key(PolicyElement key, CompileContext context) throws PolicyCompileException {
        key.allowAttributes("certificate-id", "n", "e");
        key.allowChildren();
        if (key.attribute("n") != null || key.attribute("e") != null) {
            throw new PolicyCompileException(key, "a decryption key cannot be an RSA public key (n and e): "
                    + "decrypting needs the private key, give certificate-id naming a certificate that has it");
        }
        String kid = key.attribute(PolicyElement.ID);
        String certificateId = context.values().literal(key, "certificate-id");
        Value<String> text = context.values().text(key);
        if (!text.isConstant()) {
            throw new PolicyCompileException(key, "a decryption key does not take a policy expression");
        }
        String secret = text.constant() == null ? "" : text.constant().strip();
        if ((certificateId != null) == !secret.isEmpty()) {
            throw new PolicyCompileException(key, "a decryption key is exactly one of: base64 text (symmetric), "
                    + "certificate-id");
        }
        return certificateId != null ? certificateKey(key, certificateId, kid, context) : symmetricKey(key, secret, kid);
    }

    private static JwtDecryption.Key symmetricKey(PolicyElement key, String secret, String kid)
            throws PolicyCompileException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException ex) {
            throw new PolicyCompileException(key, "the symmetric decryption key is not base64"); // never repeat it
        }
        int bits = bytes.length * 8;
        Map<JWEAlgorithm, JWEDecrypter> decrypters = new LinkedHashMap<>();
        try {
            boolean direct = JwtDecryption.METHODS.stream().anyMatch(m -> m.cekBitLength() == bits);
            if (direct) {
                decrypters.put(JWEAlgorithm.DIR, new DirectDecrypter(bytes, OPTIONS));
            }
            if (bits == 128 || bits == 192 || bits == 256) {
                AESDecrypter aes = new AESDecrypter(bytes, OPTIONS);
                for (JWEAlgorithm alg : wrapAlgorithms(bits)) {
                    decrypters.put(alg, aes);
                }
            }
        } catch (JOSEException e) {
            throw new PolicyCompileException(key, "the symmetric decryption key cannot be used: " + e.getMessage());
        }
        if (decrypters.isEmpty()) {
            throw new PolicyCompileException(key, "a symmetric decryption key of " + bits + " bits fits no JWE "
                    + "algorithm: 128, 192 or 256 bits (AES key wrap, or dir with AES-GCM / A128CBC-HS256), "
                    + "384 or 512 bits (dir with A192CBC-HS384 / A256CBC-HS512)");
        }
        return new JwtDecryption.Key(kid, Map.copyOf(decrypters), decrypters.containsKey(JWEAlgorithm.DIR) ? bits : 0);
    }

    private static List<JWEAlgorithm> wrapAlgorithms(int bits) {
        return switch (bits) {
            case 128 -> List.of(JWEAlgorithm.A128KW, JWEAlgorithm.A128GCMKW);
            case 192 -> List.of(JWEAlgorithm.A192KW, JWEAlgorithm.A192GCMKW);
            default -> List.of(JWEAlgorithm.A256KW, JWEAlgorithm.A256GCMKW);
        };
    }

    private static JwtDecryption.Key certificateKey(PolicyElement key, String certificateId, String kid,
                                                    CompileContext context) throws PolicyCompileException {
        ClientCertificate certificate = context.certificates().byId(certificateId);
        if (certificate == null) {
            throw new PolicyCompileException(key, "no certificate with id '" + certificateId + "'; known: "
                    + context.certificates().ids());
        }
        PrivateKey privateKey = certificate.privateKey();
        if (privateKey == null) {
            throw new PolicyCompileException(key, "certificate '" + certificateId + "' has no private key: a "
                    + "decryption key needs one");
        }
        Map<JWEAlgorithm, JWEDecrypter> decrypters = new LinkedHashMap<>();
        try {
            if (privateKey instanceof RSAPrivateKey rsa) {
                // refuses keys under 2048 bits (Nimbus's minimum, unless told otherwise)
                RSADecrypter decrypter = new RSADecrypter(rsa, Set.of(), OPTIONS);
                RSA.forEach(alg -> decrypters.put(alg, decrypter));
            } else if (privateKey instanceof ECPrivateKey ec) {
                ECDHDecrypter decrypter = new ECDHDecrypter(ec, Set.of(), OPTIONS);
                ECDH.forEach(alg -> decrypters.put(alg, decrypter));
            } else {
                throw new PolicyCompileException(key, "certificate '" + certificateId + "' has a "
                        + privateKey.getAlgorithm() + " key; a decryption key is RSA or EC");
            }
        } catch (JOSEException | IllegalArgumentException e) {
            throw new PolicyCompileException(key, "certificate '" + certificateId + "''s key cannot decrypt: "
                    + e.getMessage());
        }
        return new JwtDecryption.Key(kid, Map.copyOf(decrypters), 0);
    }
}
