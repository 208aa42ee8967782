package dev.breakwater.gateway.policy.limits;

import dev.breakwater.gateway.policy.runtime.ContextKey;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The counters one request has been counted under, with what it added to each when let in: a
 * request is counted once per counter even when its policy runs twice (inside retry); the second
 * run judges it without counting it again.
 */
final class RequestCounts {

    private static final ContextKey<RequestCounts> KEY = new ContextKey<>("limits-counted", RequestCounts.class);

    private final Map<String, Long> counted = new HashMap<>(4);

    private RequestCounts() {
    }

    static RequestCounts of(PolicyContext context) {
        RequestCounts counts = context.get(KEY);
        if (counts == null) {
            counts = new RequestCounts();
            context.put(KEY, counts);
        }
        return counts;
    }

    /** What the request added to this counter, or {@code null} if it has not been counted under it. */
    Long added(CounterKey key) {
        return counted.get(key.name());
    }

    void counted(CounterKey key, long amount) {
        counted.putIfAbsent(key.name(), amount);
    }
}
