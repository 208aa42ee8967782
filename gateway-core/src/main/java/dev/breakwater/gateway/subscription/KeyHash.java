package dev.breakwater.gateway.subscription;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The salted hash of a subscription key, as the management plane serves it to gateways:
 * {@code hmac-sha256:<salt>:<mac>}, both parts unpadded base64url, the mac being HMAC-SHA256 of the
 * key's UTF-8 bytes under the salt. A gateway finds a presented key by hashing it once per salt and
 * looking the mac up, so its memory and backup never hold a usable key. A fast hash is enough: keys
 * are random 32-byte values the management plane generates, not passwords anyone could guess.
 *
 * @param salt the HMAC key, at least 16 bytes
 * @param mac  the 32-byte HMAC-SHA256
 */
public record KeyHash(byte[] salt, byte[] mac) {

    public static final String PREFIX = "hmac-sha256:";
    private static final int MIN_SALT_BYTES = 16;
    private static final int MAC_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** A new random salt. */
    public static byte[] newSalt() {
        byte[] salt = new byte[MIN_SALT_BYTES * 2];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** The hash of {@code key} under {@code salt}. */
    public static KeyHash of(String key, byte[] salt) {
        return new KeyHash(salt.clone(), mac(salt, key));
    }

    /** HMAC-SHA256 of the key under the salt. */
    public static byte[] mac(byte[] salt, String key) {
        return newMac(salt).doFinal(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A Mac ready to hash keys under {@code salt}; not thread-safe. */
    public static Mac newMac(byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * Reads {@code hmac-sha256:<salt>:<mac>}.
     *
     * @throws IllegalArgumentException naming what is wrong, never echoing the value
     */
    public static KeyHash parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a key hash is written " + PREFIX + "<salt>:<hash>, both base64url");
        }
        String rest = text.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a key hash is written " + PREFIX + "<salt>:<hash>, both base64url");
        }
        byte[] salt;
        byte[] mac;
        try {
            salt = DECODER.decode(rest.substring(0, colon));
            mac = DECODER.decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a key hash's salt and hash must be base64url");
        }
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("a key hash's salt must have at least " + MIN_SALT_BYTES + " bytes");
        }
        if (mac.length != MAC_BYTES) {
            throw new IllegalArgumentException("a key hash's hash must have " + MAC_BYTES + " bytes (HMAC-SHA256)");
        }
        return new KeyHash(salt, mac);
    }

    /** As {@link #parse} reads it. */
    public String text() {
        return PREFIX + ENCODER.encodeToString(salt) + ":" + ENCODER.encodeToString(mac);
    }

    @Override
    public String toString() {
        return "KeyHash[hmac-sha256]"; // never the material, in logs or messages
    }
}
