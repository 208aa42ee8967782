package dev.breakwater.gateway.policy.cache.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.breakwater.gateway.policy.cache.CachedResponse;
import dev.breakwater.gateway.policy.runtime.Headers;
import java.util.Base64;

/**
 * The text a cached response is kept as in Redis: a JSON object of its status, reason, headers (in
 * order, names as sent), body (Base64) and when it expires (epoch milliseconds, for the seconds left
 * a hit announces downstream). Plain data only: decoding builds a response, nothing else; a text it
 * cannot read is a miss.
 */
final class CachedResponseCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A decoded entry: the response and when it expires. */
    record Decoded(CachedResponse response, long expiresMillis) {
    }

    private CachedResponseCodec() {
    }

    static String encode(CachedResponse response, long expiresMillis) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", response.status());
        if (response.reason() != null) {
            node.put("reason", response.reason());
        }
        ArrayNode headers = node.putArray("headers");
        Headers source = response.headers();
        for (int i = 0; i < source.size(); i++) {
            headers.addArray().add(source.name(i)).add(source.value(i));
        }
        node.put("body", Base64.getEncoder().encodeToString(response.body()));
        node.put("expires", expiresMillis);
        return node.toString();
    }

    /** The entry in {@code text}, or null when it is not one this codec made. */
    static Decoded decode(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.path("status").isInt() || !node.path("body").isTextual()) {
                return null;
            }
            Headers headers = new Headers();
            for (JsonNode header : node.path("headers")) {
                headers.add(header.get(0).asText(), header.get(1).asText());
            }
            String reason = node.hasNonNull("reason") ? node.get("reason").asText() : null;
            return new Decoded(new CachedResponse(node.get("status").asInt(), reason, headers,
                    Base64.getDecoder().decode(node.get("body").asText())), node.path("expires").asLong());
        } catch (Exception e) {
            return null;
        }
    }
}
