package dev.breakwater.gateway.policy.liquid;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers for the Liquid tests: a request context shaped as the set-body policy builds it. */
final class LiquidTesting {

    static final String JSON = "application/json";

    private LiquidTesting() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Renders with an empty context. */
    static String render(String template, String body, String contentType) throws LiquidException {
        return LiquidTemplate.compile(template).render(Map.of(), body == null ? new byte[0] : utf8(body), contentType);
    }

    /** Renders with no body. */
    static String render(String template, Map<String, Object> context) throws LiquidException {
        return LiquidTemplate.compile(template).render(context, new byte[0], null);
    }

    /** Headers as the caller passes them: a map whose keys compare ignoring case. */
    static Map<String, Object> headers(String... namesAndValues) {
        Map<String, Object> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    /** A {@code context} with a GET of https://api.example.com/orders/42?expand=lines, status 200. */
    static Map<String, Object> requestContext() {
        Map<String, Object> url = new LinkedHashMap<>();
        url.put("Scheme", "https");
        url.put("Host", "api.example.com");
        url.put("Port", 443);
        url.put("Path", "/orders/42");
        url.put("QueryString", "?expand=lines");
        url.put("Query", Map.of("expand", List.of("lines")));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("Method", "GET");
        request.put("Url", url);
        request.put("Headers", headers("Content-Type", "application/json", "X-Request-Id", "abc-123"));
        request.put("MatchedParameters", Map.of("orderId", "42"));
        request.put("IpAddress", "203.0.113.9");
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("StatusCode", 200);
        response.put("StatusReason", "OK");
        response.put("Headers", headers("ETag", "\"v1\""));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("customer", "Contoso");
        variables.put("count", 3);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("Request", request);
        context.put("Response", response);
        context.put("Variables", variables);
        return context;
    }
}
