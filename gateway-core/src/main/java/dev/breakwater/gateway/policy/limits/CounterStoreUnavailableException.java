package dev.breakwater.gateway.policy.limits;

/**
 * A shared counter store cannot be reached and the gateway is set to refuse rather than count
 * alone ({@code counters.redis.unavailable=refuse}): the request is answered 503. No stack trace:
 * an expected answer during an outage.
 */
public final class CounterStoreUnavailableException extends RuntimeException {

    public CounterStoreUnavailableException(String message) {
        super(message, null, false, false);
    }
}
