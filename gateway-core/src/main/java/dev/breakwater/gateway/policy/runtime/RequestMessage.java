package dev.breakwater.gateway.policy.runtime;

import dev.breakwater.gateway.backend.Backend;
import dev.breakwater.gateway.backend.SingleBackend;
import java.util.function.Supplier;

/**
 * The request as it will go to the backend. It starts as the client's request; policies change
 * its method, backend, path, query, headers and body. Headers and query are copied from the client
 * only when a policy first touches them, so a request no policy edits costs nothing here.
 */
public final class RequestMessage {

    private final Supplier<Headers> clientHeaders;
    private final Body body;
    private String method;
    private String baseUrl;
    private Backend backend;
    private String path;
    private String rawQuery;
    private QueryParameters query;
    private Headers headers;

    /**
     * @param baseUrl       the backend base URL, without a trailing slash, or {@code null} if none yet
     * @param path          the raw (percent-encoded) path below the base URL: empty or starting with '/'
     * @param rawQuery      the client's raw query string, or {@code null}
     * @param clientHeaders copies the client's end-to-end headers, called at most once
     * @param body          the body, a stream from the client until a policy reads or sets it
     */
    public RequestMessage(String method, String baseUrl, String path, String rawQuery, Supplier<Headers> clientHeaders,
                          Body body) {
        this.method = method;
        this.baseUrl = baseUrl;
        this.path = path;
        this.rawQuery = rawQuery;
        this.clientHeaders = clientHeaders;
        this.body = body;
    }

    public String method() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Sends the request to a plain URL: a backend entity chosen before no longer applies. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        this.backend = null;
    }

    /**
     * The backend entity the request goes to ({@code set-backend-service backend-id}, or the API's),
     * whose credentials, circuit breaker and pool forward-request applies; {@code null} for a plain URL.
     */
    public Backend backend() {
        return backend;
    }

    /** Sends the request to a backend entity; a single one's URL is the base URL from now on. */
    public void setBackend(Backend backend) {
        this.backend = backend;
        if (backend instanceof SingleBackend single) {
            this.baseUrl = single.url();
        }
    }

    /** The base URL of the service a backend entity picked for this attempt (a pool's member); the entity stays. */
    public void useService(String serviceUrl) {
        this.baseUrl = serviceUrl;
    }

    public String path() {
        return path;
    }

    public void setPath(String rawPath) {
        this.path = rawPath;
    }

    /** The editable query parameters. */
    public QueryParameters query() {
        if (query == null) {
            query = QueryParameters.parse(rawQuery);
        }
        return query;
    }

    /** Replaces the whole query. */
    public void setQuery(QueryParameters query) {
        this.query = query;
    }

    public String rawQuery() {
        return query == null ? rawQuery : query.toRawQuery();
    }

    /** The editable headers for the backend. */
    public Headers headers() {
        if (headers == null) {
            headers = clientHeaders.get();
        }
        return headers;
    }

    /** The edited headers, or {@code null} when no policy touched them. */
    public Headers editedHeaders() {
        return headers;
    }

    public Body body() {
        return body;
    }

    /** The URL the backend request goes to; {@code null} while no backend is known. */
    public String backendUrl() {
        if (baseUrl == null) {
            return null;
        }
        String query = rawQuery();
        int length = baseUrl.length() + path.length() + (query == null ? 0 : query.length() + 1);
        StringBuilder url = new StringBuilder(length).append(baseUrl).append(path);
        if (query != null) {
            url.append('?').append(query);
        }
        return url.toString();
    }
}
