package dev.breakwater.gateway.policy.expression.context;

/** Where an API takes its subscription key. */
public interface SubscriptionKeyParameterNamesView {
    String header();

    String query();
}
