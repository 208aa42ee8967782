package dev.breakwater.gateway.policy;

import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;

/**
 * The request as it will go to the backend. Starts as the client's request; policies change
 * it. The headers and the query are copied from the client only when a policy first touches
 * them, so a request no policy edits costs nothing here.
 */
public final class RequestMessage {

    private final String method;
    private final Supplier<HttpFields.Mutable> clientHeaders;
    private String baseUrl;
    private String path;
    private String rawQuery;
    private QueryParameters query;
    private HttpFields.Mutable headers;

    /**
     * @param baseUrl       the backend base URL, without a trailing slash, or {@code null} if none yet
     * @param path          the raw (percent-encoded) path below the base URL: empty or starting with '/'
     * @param rawQuery      the client's raw query string, or {@code null}
     * @param clientHeaders copies the client's end-to-end headers, called at most once
     */
    public RequestMessage(String method, String baseUrl, String path, String rawQuery,
                          Supplier<HttpFields.Mutable> clientHeaders) {
        this.method = method;
        this.baseUrl = baseUrl;
        this.path = path;
        this.rawQuery = rawQuery;
        this.clientHeaders = clientHeaders;
    }

    public String method() {
        return method;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
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
    public HttpFields.Mutable headers() {
        if (headers == null) {
            headers = clientHeaders.get();
        }
        return headers;
    }

    /** The edited headers, or {@code null} when no policy touched them. */
    public HttpFields.Mutable editedHeaders() {
        return headers;
    }

    /** The URL the backend request goes to. */
    public String backendUrl() {
        String query = rawQuery();
        int length = baseUrl.length() + path.length() + (query == null ? 0 : query.length() + 1);
        StringBuilder url = new StringBuilder(length).append(baseUrl).append(path);
        if (query != null) {
            url.append('?').append(query);
        }
        return url.toString();
    }
}
