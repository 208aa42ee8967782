package dev.breakwater.gateway.policy.limits;

/**
 * A store's failure when it holds its cap of live counters and is asked for a new one: the policy
 * refuses the request as over its limit (a limit never opens silently). No stack trace: it is an
 * expected answer under load, not a fault to debug.
 */
public final class CounterStoreFullException extends RuntimeException {

    public CounterStoreFullException(int cap) {
        super("the counter store holds its cap of " + cap + " live counters", null, false, false);
    }
}
