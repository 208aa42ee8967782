package dev.breakwater.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What {@link TestBackend} saw of a request, read from its echo. */
public record Echo(String method, String uri, String query, JsonNode headers, long bodyLength, String bodySha256) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Echo parse(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        return new Echo(node.get("method").asText(), node.get("uri").asText(),
                node.get("query").isNull() ? null : node.get("query").asText(), node.get("headers"),
                node.get("bodyLength").asLong(), node.get("bodySha256").asText());
    }

    /** Every value of a request header (name in any case), in order; empty when absent. */
    public List<String> header(String name) {
        List<String> values = new ArrayList<>();
        JsonNode node = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        if (node != null) {
            node.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    /** The single value of a header, or {@code null}. */
    public String firstHeader(String name) {
        List<String> values = header(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
