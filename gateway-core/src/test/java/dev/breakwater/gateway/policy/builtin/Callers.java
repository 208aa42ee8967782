package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.subscription.Caller;
import dev.breakwater.gateway.subscription.Product;
import dev.breakwater.gateway.subscription.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Callers of the starter product for tests of per-subscription policies, built from the records directly. */
final class Callers {

    static final Product STARTER = new Product("starter", "Starter", "", true, true, false, null, Set.of("echo"),
            List.of());

    private Callers() {
    }

    /** A call with the primary key of subscription {@code id}, created and started at {@code start}. */
    static Caller of(String id, Instant start) {
        return new Caller(new Subscription(id, id, STARTER, null, true, null, false, start, start, null),
                "key-of-" + id, true, STARTER);
    }

    static Caller of(String id) {
        return of(id, Instant.parse("2026-01-01T00:00:00Z"));
    }
}
