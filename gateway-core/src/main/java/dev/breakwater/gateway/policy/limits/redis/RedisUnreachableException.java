package dev.breakwater.gateway.policy.limits.redis;

/** Redis has no open connection now: the operation was not sent. No stack trace: an expected state in an outage. */
final class RedisUnreachableException extends RuntimeException {

    RedisUnreachableException(String message) {
        super(message, null, false, false);
    }
}
