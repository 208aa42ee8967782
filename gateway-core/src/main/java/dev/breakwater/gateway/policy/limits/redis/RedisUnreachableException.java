package dev.breakwater.gateway.policy.limits.redis;

/** Redis has no open connection now: the operation was not sent. No stack trace: an expected state in an outage. */
public final class RedisUnreachableException extends RuntimeException {

    public RedisUnreachableException(String message) {
        super(message, null, false, false);
    }
}
