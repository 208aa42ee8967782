package dev.breakwater.gateway.policy.runtime;

import java.util.List;

/**
 * What a request matched, as policies and expressions see it ({@code context.Api},
 * {@code context.Operation}); built once per configuration, shared by every request.
 *
 * @param apiId          the API's id
 * @param apiName        its display name (the id when it has none)
 * @param apiPath        its path prefix, e.g. {@code orders/v1}
 * @param serviceUrl     its backend base URL, or {@code null}
 * @param protocols      {@code http}, {@code https}
 * @param operationId    the operation's id, or {@code null} for an API without operations
 * @param operationName  its display name
 * @param method         its method
 * @param urlTemplate    its URL template
 * @param responses      the example responses the operation documents (mock-response)
 * @param keyHeader      the header callers put their subscription key in
 * @param keyQuery       the query parameter callers put their subscription key in
 */
public record RouteInfo(String apiId, String apiName, String apiPath, String serviceUrl, List<String> protocols,
                        String operationId, String operationName, String method, String urlTemplate,
                        ResponseSamples responses, String keyHeader, String keyQuery) {

    public RouteInfo {
        responses = responses == null ? ResponseSamples.NONE : responses;
        keyHeader = keyHeader == null ? "Ocp-Apim-Subscription-Key" : keyHeader;
        keyQuery = keyQuery == null ? "subscription-key" : keyQuery;
    }

    /** A route with APIM's default subscription key names. */
    public RouteInfo(String apiId, String apiName, String apiPath, String serviceUrl, List<String> protocols,
                     String operationId, String operationName, String method, String urlTemplate,
                     ResponseSamples responses) {
        this(apiId, apiName, apiPath, serviceUrl, protocols, operationId, operationName, method, urlTemplate, responses,
                null, null);
    }

    /** A route whose operation documents no responses. */
    public RouteInfo(String apiId, String apiName, String apiPath, String serviceUrl, List<String> protocols,
                     String operationId, String operationName, String method, String urlTemplate) {
        this(apiId, apiName, apiPath, serviceUrl, protocols, operationId, operationName, method, urlTemplate,
                ResponseSamples.NONE, null, null);
    }
}
