package dev.breakwater.gateway.policy.expression.context;

import java.time.Instant;

/** {@code context.Subscription}. */
public interface SubscriptionView {
    String id();

    String key();

    String name();

    String primaryKey();

    String secondaryKey();

    Instant createdDate();

    /** Null when not set. */
    Instant startDate();

    /** Null when not set. */
    Instant endDate();
}
