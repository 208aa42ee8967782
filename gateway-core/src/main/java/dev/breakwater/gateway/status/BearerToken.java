package dev.breakwater.gateway.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A secret that an {@code Authorization: Bearer <token>} header must carry. Compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so neither its content nor its length can be
 * learnt from response times.
 */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private final byte[] digest;

    public BearerToken(String token) {
        this.digest = digest(token);
    }

    /** Whether the Authorization header (possibly {@code null}) carries this token. */
    public boolean accepts(String authorization) {
        return authorization != null && authorization.startsWith(SCHEME)
                && MessageDigest.isEqual(digest, digest(authorization.substring(SCHEME.length()).trim()));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
