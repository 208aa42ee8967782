package dev.breakwater.gateway.policy.expression.context;

import java.util.List;

/** {@code context.Product}. */
public interface ProductView {
    String id();

    String name();

    boolean published();

    boolean subscriptionRequired();

    boolean approvalRequired();

    /** Null when unlimited. */
    Integer subscriptionsLimit();

    List<GroupView> groups();

    List<ApiView> apis();
}
