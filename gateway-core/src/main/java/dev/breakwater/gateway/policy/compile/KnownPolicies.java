package dev.breakwater.gateway.policy.compile;

import java.util.Set;

/**
 * The element names of APIM's policy reference, so that a refusal can tell a policy this gateway
 * does not support yet from a misspelling.
 */
final class KnownPolicies {

    private static final Set<String> APIM = Set.of(
            "authentication-basic", "authentication-certificate", "authentication-managed-identity",
            "azure-openai-emit-token-metric", "azure-openai-semantic-cache-lookup", "azure-openai-semantic-cache-store",
            "azure-openai-token-limit", "cache-lookup", "cache-lookup-value", "cache-remove-value", "cache-store",
            "cache-store-value", "check-header", "choose", "cors", "cross-domain", "emit-metric", "find-and-replace",
            "forward-request", "get-authorization-context", "include-fragment", "invoke-dapr-binding", "ip-filter",
            "json-to-xml", "jsonp", "limit-concurrency", "llm-content-safety", "llm-emit-token-metric",
            "llm-semantic-cache-lookup", "llm-semantic-cache-store", "llm-token-limit", "log-to-eventhub",
            "mock-response", "publish-to-dapr", "quota", "quota-by-key", "rate-limit", "rate-limit-by-key",
            "redirect-content-urls", "retry", "return-response", "rewrite-uri", "send-one-way-request",
            "send-request", "send-service-bus-message", "set-backend-service", "set-body", "set-graphql-resolver",
            "set-header", "set-method", "set-query-parameter", "set-status", "set-variable", "sql-data-source",
            "trace", "validate-azure-ad-token", "validate-client-certificate", "validate-content",
            "validate-graphql-request", "validate-headers", "validate-jwt", "validate-odata-request",
            "validate-parameters", "validate-status-code", "wait", "xml-to-json", "xsl-transform",
            "http-data-source", "publish-event", "proxy", "set-variables", "azure-openai-content-safety");

    private KnownPolicies() {
    }

    static boolean isApimPolicy(String name) {
        return APIM.contains(name);
    }
}
