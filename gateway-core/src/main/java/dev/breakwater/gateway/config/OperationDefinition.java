package dev.breakwater.gateway.config;

/**
 * An operation of an API: a method and a URL template, with its own policy.
 */
public record OperationDefinition(String id, String displayName, String method, String urlTemplate, String policy) {
}
