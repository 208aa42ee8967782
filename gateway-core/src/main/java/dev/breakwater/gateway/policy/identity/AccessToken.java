package dev.breakwater.gateway.policy.identity;

import java.time.Instant;

/**
 * An access token from the identity endpoint: its value, when it expires, and from when a new one
 * is fetched instead. Its text never shows the value, so that no log line or message can carry it.
 *
 * @param value     the token, a secret
 * @param expiresAt when the token stops being valid
 * @param refreshAt when requests stop using it and fetch another, a little before {@code expiresAt}
 */
public record AccessToken(String value, Instant expiresAt, Instant refreshAt) {

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + "]";
    }
}
