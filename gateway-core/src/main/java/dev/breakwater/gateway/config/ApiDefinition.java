package dev.breakwater.gateway.config;

import java.util.List;

/**
 * An API as the configuration document describes it.
 *
 * @param path                 the URL prefix below the gateway, without leading slash; "" for the root
 * @param serviceUrl           the backend base URL, or {@code null} when a policy sets the backend
 * @param subscriptionRequired whether a call needs a subscription key; {@code null} means true, as in APIM
 * @param hostnames            host names the API answers on; empty for any
 * @param subscriptionKeyParameterNames where callers put their key; {@code null} for APIM's defaults
 */
public record ApiDefinition(String id, String displayName, String path, String serviceUrl,
                            Boolean subscriptionRequired, List<String> hostnames, String policy,
                            List<OperationDefinition> operations,
                            SubscriptionKeyParameterNames subscriptionKeyParameterNames) {

    public ApiDefinition {
        hostnames = hostnames == null ? List.of() : List.copyOf(hostnames);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    /** An API with the default subscription key parameter names. */
    public ApiDefinition(String id, String displayName, String path, String serviceUrl,
                         Boolean subscriptionRequired, List<String> hostnames, String policy,
                         List<OperationDefinition> operations) {
        this(id, displayName, path, serviceUrl, subscriptionRequired, hostnames, policy, operations, null);
    }

    /** Whether a call without a key is refused unless an open product holds the API (APIM's default: true). */
    public boolean requiresSubscription() {
        return !Boolean.FALSE.equals(subscriptionRequired);
    }
}
