package dev.breakwater.gateway.policy;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The one mutable object of a request: the request on its way to the backend, the response on
 * its way to the client, the template parameters of the matched route, the last error, and
 * whatever policies leave for later steps under typed keys. Used by one request at a time.
 */
public final class PolicyContext {

    private final String requestId;
    private final TemplateValues templateValues;
    private final RequestMessage request;
    private ResponseMessage response;
    private PolicyError lastError;
    private Map<ContextKey<?>, Object> values;

    public PolicyContext(String requestId, TemplateValues templateValues, RequestMessage request) {
        this.requestId = requestId;
        this.templateValues = templateValues;
        this.request = request;
    }

    public String requestId() {
        return requestId;
    }

    /** The values of the operation's URL template parameters, raw as they stood in the path. */
    public TemplateValues templateValues() {
        return templateValues;
    }

    public RequestMessage request() {
        return request;
    }

    /** The response; an empty 200 until the backend or a policy sets one. */
    public ResponseMessage response() {
        if (response == null) {
            response = ResponseMessage.empty();
        }
        return response;
    }

    public void setResponse(ResponseMessage response) {
        this.response = response;
    }

    public PolicyError lastError() {
        return lastError;
    }

    public void setLastError(PolicyError lastError) {
        this.lastError = lastError;
    }

    public <T> T get(ContextKey<T> key) {
        return values == null ? null : key.type().cast(values.get(key));
    }

    public <T> void put(ContextKey<T> key, T value) {
        if (values == null) {
            values = new IdentityHashMap<>(4);
        }
        values.put(key, value);
    }
}
