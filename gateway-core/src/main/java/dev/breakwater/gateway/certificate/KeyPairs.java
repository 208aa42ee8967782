package dev.breakwater.gateway.certificate;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Locale;

/**
 * Whether a private key belongs to a certificate's public key: a signature made with the one must
 * verify with the other. The JDK's key stores do not check it, and TLS would only fail at the
 * backend, with no hint why.
 */
final class KeyPairs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairs() {
    }

    static boolean match(PrivateKey key, PublicKey publicKey) throws UnreadableCertificateException {
        String algorithm = signatureAlgorithm(key);
        byte[] probe = new byte[32];
        RANDOM.nextBytes(probe);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a key of another kind than the certificate's
        }
    }

    private static String signatureAlgorithm(PrivateKey key) throws UnreadableCertificateException {
        String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
        return switch (algorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "EDDSA", "ED25519", "ED448" -> key.getAlgorithm();
            default -> throw new UnreadableCertificateException("its private key is of a kind (" + key.getAlgorithm()
                    + ") this gateway cannot present; RSA, EC, DSA and EdDSA keys can be");
        };
    }
}
