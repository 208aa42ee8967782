package dev.breakwater.gateway.config;

import java.util.List;

/**
 * An API as the configuration document describes it.
 *
 * @param path       the URL prefix below the gateway, without leading slash; "" for the root
 * @param serviceUrl the backend base URL, or {@code null} when a policy sets the backend
 * @param hostnames  host names the API answers on; empty for any
 */
public record ApiDefinition(String id, String displayName, String path, String serviceUrl,
                            Boolean subscriptionRequired, List<String> hostnames, String policy,
                            List<OperationDefinition> operations) {

    public ApiDefinition {
        hostnames = hostnames == null ? List.of() : List.copyOf(hostnames);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }
}
