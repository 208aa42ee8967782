package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Hashing (SHA1/256/384/512, MD5), HMACs, random bytes, and APIM's Encrypt/Decrypt extensions on byte[]
 * for the symmetric algorithms by name ("Aes", "TripleDES"; CBC with PKCS#7 padding, as .NET's defaults).
 */
final class CryptoArea implements LibraryArea {

    static final String NS = "System.Security.Cryptography";

    /** A hash or HMAC instance: the JCA algorithm and, for an HMAC, its key. */
    static final class Hasher {
        final String algorithm;
        byte[] key;

        Hasher(String algorithm, byte[] key) {
            this.algorithm = algorithm;
            this.key = key;
        }

        byte[] hash(byte[] data, int offset, int count) {
            if (data == null) {
                throw DotNetException.argumentNull("buffer");
            }
            try {
                if (key == null) {
                    MessageDigest d = MessageDigest.getInstance(algorithm);
                    d.update(data, offset, count);
                    return d.digest();
                }
                Mac mac = Mac.getInstance(algorithm);
                mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
                mac.update(data, offset, count);
                return mac.doFinal();
            } catch (GeneralSecurityException e) {
                throw DotNetException.of("System.Security.Cryptography.CryptographicException", e.getMessage());
            }
        }
    }

    private static final String[][] HASHES = {
        {"SHA1", "SHA-1"}, {"SHA256", "SHA-256"}, {"SHA384", "SHA-384"}, {"SHA512", "SHA-512"}, {"MD5", "MD5"}};
    private static final String[][] MACS = {
        {"HMACSHA1", "HmacSHA1"}, {"HMACSHA256", "HmacSHA256"}, {"HMACSHA384", "HmacSHA384"}, {"HMACSHA512", "HmacSHA512"},
        {"HMACMD5", "HmacMD5"}};

    private TypeBuilder hashAlgorithm;
    private TypeBuilder hmac;
    private TypeBuilder random;
    private TypeBuilder apimExtensions;
    private final TypeBuilder[] hashes = new TypeBuilder[HASHES.length];
    private final TypeBuilder[] managed = new TypeBuilder[HASHES.length];
    private final TypeBuilder[] macs = new TypeBuilder[MACS.length];

    @Override
    public void declare(LibraryBuilder b) {
        hashAlgorithm = b.declare(NS, "HashAlgorithm", TypeDef.Kind.CLASS, Hasher.class);
        hmac = b.declare(NS, "HMAC", TypeDef.Kind.CLASS, Hasher.class);
        for (int i = 0; i < HASHES.length; i++) {
            hashes[i] = b.declare(NS, HASHES[i][0], TypeDef.Kind.CLASS, Hasher.class);
            if (!HASHES[i][0].equals("MD5")) {
                managed[i] = b.declare(NS, HASHES[i][0] + "Managed", TypeDef.Kind.CLASS, Hasher.class);
            }
        }
        for (int i = 0; i < MACS.length; i++) {
            macs[i] = b.declare(NS, MACS[i][0], TypeDef.Kind.CLASS, Hasher.class);
        }
        random = b.declare(NS, "RandomNumberGenerator", TypeDef.Kind.CLASS, SecureRandom.class);
        b.declare(NS, "RNGCryptoServiceProvider", TypeDef.Kind.CLASS, SecureRandom.class)
                .supertypes("RandomNumberGenerator").ctor("()", () -> new SecureRandom());
        apimExtensions = b.builder(ContextArea.NS + ".ExpressionSyntaxExtensions", 0);
    }

    @Override
    public void define(LibraryBuilder b) {
        hashAlgorithm.method("byte[] ComputeHash(byte[] buffer)", (h, d) -> ((Hasher) h).hash((byte[]) d, 0, length(d)))
                .method("byte[] ComputeHash(byte[] buffer, int offset, int count)",
                        (h, d, o, n) -> ((Hasher) h).hash((byte[]) d, (Integer) o, (Integer) n))
                .prop("int HashSize", h -> ((Hasher) h).hash(new byte[0], 0, 0).length * 8)
                .method("void Dispose()", h -> null)
                .method("void Clear()", h -> null);
        hmac.supertypes("HashAlgorithm")
                .prop("byte[] Key", h -> ((Hasher) h).key.clone(), (h, k) -> {
                    ((Hasher) h).key = ((byte[]) k).clone();
                    return null;
                });
        for (int i = 0; i < HASHES.length; i++) {
            String jca = HASHES[i][1];
            hashes[i].supertypes("HashAlgorithm")
                    .staticMethod(HASHES[i][0] + " Create()", () -> new Hasher(jca, null))
                    .staticMethod("byte[] HashData(byte[] source)", d -> new Hasher(jca, null).hash((byte[]) d, 0, length(d)));
            if (managed[i] != null) {
                managed[i].supertypes(HASHES[i][0]).ctor("()", () -> new Hasher(jca, null));
            }
        }
        SecureRandom randomKeys = new SecureRandom();
        for (int i = 0; i < MACS.length; i++) {
            String jca = MACS[i][1];
            macs[i].supertypes("HMAC")
                    .ctor("(byte[] key)", k -> {
                        if (k == null) {
                            throw DotNetException.argumentNull("key");
                        }
                        return new Hasher(jca, ((byte[]) k).clone());
                    })
                    .ctor("()", () -> {
                        byte[] key = new byte[64];
                        randomKeys.nextBytes(key);
                        return new Hasher(jca, key);
                    });
        }
        random.staticMethod("RandomNumberGenerator Create()", () -> new SecureRandom())
                .method("void GetBytes(byte[] data)", (r, d) -> {
                    ((SecureRandom) r).nextBytes((byte[]) d);
                    return null;
                })
                .staticMethod("byte[] GetBytes(int count)", n -> {
                    byte[] bytes = new byte[(Integer) n];
                    randomKeys.nextBytes(bytes);
                    return bytes;
                })
                .staticMethod("int GetInt32(int toExclusive)", n -> randomKeys.nextInt((Integer) n));
        apimExtensions
                .staticMethod("byte[] Encrypt(this byte[] input, string alg, byte[] key, byte[] iv)",
                        (in, alg, key, iv) -> crypt(Cipher.ENCRYPT_MODE, (byte[]) in, (String) alg, (byte[]) key, (byte[]) iv))
                .staticMethod("byte[] Decrypt(this byte[] input, string alg, byte[] key, byte[] iv)",
                        (in, alg, key, iv) -> crypt(Cipher.DECRYPT_MODE, (byte[]) in, (String) alg, (byte[]) key, (byte[]) iv));
    }

    private static int length(Object data) {
        if (data == null) {
            throw DotNetException.argumentNull("buffer");
        }
        return ((byte[]) data).length;
    }

    private static byte[] crypt(int mode, byte[] input, String alg, byte[] key, byte[] iv) {
        if (input == null || alg == null || key == null || iv == null) {
            throw DotNetException.argumentNull(input == null ? "input" : alg == null ? "alg" : key == null ? "key" : "iv");
        }
        String jca = switch (alg.toLowerCase(Locale.ROOT)) {
            case "aes", "rijndael", "system.security.cryptography.aes" -> "AES";
            case "tripledes", "3des" -> "DESede";
            case "des" -> "DES";
            default -> throw DotNetException.argument("Unsupported symmetric algorithm '" + alg + "'.");
        };
        try {
            Cipher cipher = Cipher.getInstance(jca + "/CBC/PKCS5Padding");
            cipher.init(mode, new SecretKeySpec(key, jca), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw DotNetException.of("System.Security.Cryptography.CryptographicException",
                    mode == Cipher.DECRYPT_MODE ? "Padding is invalid and cannot be removed." : "Specified key is not a valid size for this algorithm.");
        }
    }
}
