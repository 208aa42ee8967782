package dev.breakwater.gateway.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets one value at a time before they are stored (gateway keys, secret named values,
 * the gateway's backed-up documents): AES-256-GCM with a random 96-bit IV per value, so
 * equal secrets look different, and with the value's place in the store (its
 * {@code context}, e.g. {@code gateway_keys/gw-1/primary}) as associated data, so that a sealed
 * value copied to another row does not open there. A sealed value is
 * {@value #PREFIX}{@code <base64 of IV and ciphertext>}; the prefix cannot begin a plain base64
 * secret, which tells values stored in plain text by an earlier version apart. Binary values
 * ({@link #sealBytes}) are the prefix's bytes followed by the IV and ciphertext themselves; the
 * prefix cannot begin a JSON document either.
 */
public final class SecretCipher {

    public static final String PREFIX = "aes-gcm:";
    private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);
    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /** @param key {@value #KEY_BYTES} random bytes */
    public SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a store key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Whether a stored value is sealed (rather than plain text from an earlier version). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether stored bytes are sealed (rather than plain bytes from an earlier version). */
    public static boolean isSealed(byte[] stored) {
        if (stored == null || stored.length < PREFIX_BYTES.length) {
            return false;
        }
        return Arrays.equals(stored, 0, PREFIX_BYTES.length, PREFIX_BYTES, 0, PREFIX_BYTES.length);
    }

    public String seal(String secret, String context) {
        return PREFIX + Base64.getEncoder().encodeToString(encrypt(secret.getBytes(StandardCharsets.UTF_8), context));
    }

    /** Seals bytes, as bytes: {@value #PREFIX}, then the IV and the ciphertext. */
    public byte[] sealBytes(byte[] plain, String context) {
        byte[] sealed = encrypt(plain, context);
        byte[] out = Arrays.copyOf(PREFIX_BYTES, PREFIX_BYTES.length + sealed.length);
        System.arraycopy(sealed, 0, out, PREFIX_BYTES.length, sealed.length);
        return out;
    }

    /**
     * @throws SecretException when the value is not sealed, was sealed with another key or for
     *                         another place, or was altered
     */
    public String open(String sealed, String context) throws SecretException {
        if (!isSealed(sealed)) {
            throw new SecretException(context + " is not an encrypted value");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretException(context + " is not an encrypted value");
        }
        return new String(decrypt(in, 0, context), StandardCharsets.UTF_8);
    }

    /** Opens what {@link #sealBytes} sealed; throws as {@link #open(String, String)} does. */
    public byte[] openBytes(byte[] sealed, String context) throws SecretException {
        if (!isSealed(sealed)) {
            throw new SecretException(context + " is not an encrypted value");
        }
        return decrypt(sealed, PREFIX_BYTES.length, context);
    }

    /** The IV followed by the ciphertext and its tag. */
    private byte[] encrypt(byte[] plain, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv, context).doFinal(plain);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private byte[] decrypt(byte[] in, int offset, String context) throws SecretException {
        if (in.length - offset < IV_BYTES + TAG_BITS / 8) {
            throw new SecretException(context + " is not an encrypted value");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(in, offset, offset + IV_BYTES), context);
            return cipher.doFinal(in, offset + IV_BYTES, in.length - offset - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretException(context + " does not open with this key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
