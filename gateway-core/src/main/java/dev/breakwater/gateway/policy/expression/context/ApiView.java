package dev.breakwater.gateway.policy.expression.context;

import java.util.List;

/** {@code context.Api} (APIM's IApi). */
public interface ApiView {
    String id();

    String name();

    String path();

    List<String> protocols();

    UrlView serviceUrl();

    SubscriptionKeyParameterNamesView subscriptionKeyParameterNames();

    String version();

    String revision();

    boolean isCurrentRevision();
}
