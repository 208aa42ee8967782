package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.runtime.ClientRequest;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.QueryParameters;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code context} a Liquid template sees, with the members APIM documents for set-body:
 * {@code Request} (Url, Method, OriginalMethod, OriginalUrl, IpAddress, MatchedParameters, HasBody,
 * Headers), {@code Response} (StatusCode, Method, Headers), and {@code Variables}. Headers are looked
 * up ignoring case, each name to its values joined by commas.
 */
final class LiquidModel {

    private LiquidModel() {
    }

    static Map<String, Object> of(PolicyContext context) {
        ClientRequest client = context.client();
        RequestMessage request = context.request();
        Map<String, Object> requestModel = new LinkedHashMap<>();
        String backend = request.backendUrl();
        requestModel.put("Url", backend != null ? url(backend) : url(client.scheme(), client.host(), client.port(),
                request.path(), request.rawQuery()));
        requestModel.put("Method", request.method());
        requestModel.put("OriginalMethod", client.method());
        requestModel.put("OriginalUrl", url(client.scheme(), client.host(), client.port(), client.rawPath(),
                client.rawQuery()));
        requestModel.put("IpAddress", client.ipAddress());
        requestModel.put("MatchedParameters", context.templateValues().decoded());
        requestModel.put("HasBody", client.hasBody() || request.body().isChanged());
        requestModel.put("Headers", headers(request.headers()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("Request", requestModel);
        ResponseMessage response = context.responseIfAny();
        if (response != null) {
            Map<String, Object> responseModel = new LinkedHashMap<>();
            responseModel.put("StatusCode", response.status());
            responseModel.put("Method", request.method());
            responseModel.put("Headers", headers(response.headers()));
            model.put("Response", responseModel);
        }
        model.put("Variables", context.variablesView());
        return model;
    }

    private static Map<String, Object> headers(Headers headers) {
        Map<String, Object> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : headers.names()) {
            byName.put(name, String.join(",", headers.all(name)));
        }
        return byName;
    }

    private static Map<String, Object> url(String absolute) {
        URI uri = URI.create(absolute);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return url(uri.getScheme(), uri.getHost(), port, uri.getRawPath(), uri.getRawQuery());
    }

    private static Map<String, Object> url(String scheme, String host, int port, String path, String rawQuery) {
        Map<String, Object> url = new LinkedHashMap<>();
        url.put("Scheme", scheme);
        url.put("Host", host);
        url.put("Port", port);
        url.put("Path", path);
        Map<String, Object> query = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        QueryParameters parameters = QueryParameters.parse(rawQuery);
        for (String name : parameters.names()) {
            query.put(name, String.join(",", parameters.values(name)));
        }
        url.put("Query", query);
        String queryString = rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
        url.put("QueryString", queryString);
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String text = scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + queryString;
        url.put("ToUri", text);
        url.put("ToString", text);
        return url;
    }
}
