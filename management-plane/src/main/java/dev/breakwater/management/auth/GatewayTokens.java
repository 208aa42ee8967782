package dev.breakwater.management.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gateway tokens in the anchor product's format: {@code GatewayKey <gateway>&<expiry>&<signature>},
 * the expiry as {@code yyyyMMddHHmm} UTC and the signature an HMAC-SHA512 of gateway and expiry
 * with one of the gateway's two keys, in padded standard base64 (the only spelling accepted).
 * Regenerating a key invalidates every token signed with it;
 * the other key's tokens keep working, so tokens rotate without downtime.
 */
public final class GatewayTokens {

    public static final String SCHEME = "GatewayKey ";
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SIGNATURE_BYTES = 64;

    private final Clock clock;

    public GatewayTokens(Clock clock) {
        this.clock = clock;
    }

    /** What a token check found; {@link #VALID} or why not. */
    public enum Verdict { VALID, MALFORMED, WRONG_GATEWAY, EXPIRED, INVALID_SIGNATURE }

    /** A new random key: 64 bytes, base64. */
    public static String newKey() {
        byte[] key = new byte[64];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * Signs a token that expires at {@code expiry} (cut to the minute).
     *
     * @throws IllegalArgumentException when the expiry is past or beyond {@link #MAX_LIFETIME}
     */
    public String sign(String gatewayId, String key, Instant expiry) {
        Instant now = clock.instant();
        if (!expiry.isAfter(now)) {
            throw new IllegalArgumentException("expiry must be in the future");
        }
        if (expiry.isAfter(now.plus(MAX_LIFETIME))) {
            throw new IllegalArgumentException("expiry must be at most " + MAX_LIFETIME.toDays() + " days ahead");
        }
        String expiryText = EXPIRY.format(LocalDateTime.ofInstant(expiry.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC));
        return SCHEME + gatewayId + "&" + expiryText + "&" + Base64.getEncoder().encodeToString(
                hmac(key, gatewayId, expiryText));
    }

    /**
     * Checks a token (the whole Authorization value) for a gateway against both its keys. The
     * signature is compared in constant time, and with both keys whichever matches.
     */
    public Verdict verify(String authorization, String gatewayId, String primaryKey, String secondaryKey) {
        if (authorization == null || !authorization.startsWith(SCHEME)) {
            return Verdict.MALFORMED;
        }
        String[] parts = authorization.substring(SCHEME.length()).trim().split("&", -1);
        if (parts.length != 3) {
            return Verdict.MALFORMED;
        }
        byte[] signature;
        Instant expiry;
        try {
            signature = strictBase64(parts[2]);
            expiry = LocalDateTime.parse(parts[1], EXPIRY).toInstant(ZoneOffset.UTC);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Verdict.MALFORMED;
        }
        boolean primary = MessageDigest.isEqual(signature, hmac(primaryKey, parts[0], parts[1]));
        boolean secondary = MessageDigest.isEqual(signature, hmac(secondaryKey, parts[0], parts[1]));
        if (!(primary | secondary)) {
            return Verdict.INVALID_SIGNATURE;
        }
        if (!parts[0].equals(gatewayId)) {
            return Verdict.WRONG_GATEWAY;
        }
        return clock.instant().isBefore(expiry) ? Verdict.VALID : Verdict.EXPIRED;
    }

    /**
     * Standard base64 with its padding, written the one way it encodes: Java's decoder also takes
     * it unpadded, so without this check one signature would have several spellings.
     *
     * @throws IllegalArgumentException when it is not the canonical spelling of an HMAC-SHA512
     */
    private static byte[] strictBase64(String text) {
        byte[] decoded = Base64.getDecoder().decode(text);
        if (decoded.length != SIGNATURE_BYTES || !Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw new IllegalArgumentException("not a padded standard base64 HMAC-SHA512");
        }
        return decoded;
    }

    private static byte[] hmac(String key, String gatewayId, String expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA512"));
            return mac.doFinal((gatewayId + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA512 is part of every Java runtime", e);
        }
    }
}
