package dev.breakwater.gateway.policy.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.policy.runtime.ContextKey;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import java.io.IOException;

/**
 * What the token policies need of an LLM request's body, read once per request (the gateway has
 * buffered the body, within {@code policy.body.max.bytes}, because these policies read it): whether
 * it asks for a streamed answer ({@code "stream": true}) and its estimated prompt tokens (see
 * {@link TokenEstimator}). A body that is not JSON is estimated from its length as text.
 *
 * @param streaming       the request asks for server-sent events
 * @param promptEstimate  the estimated prompt tokens
 */
public record LlmRequest(boolean streaming, long promptEstimate) {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ContextKey<LlmRequest> KEY = new ContextKey<>("llm-request", LlmRequest.class);

    /** The request of this context, read from its body the first time a token policy asks. */
    public static LlmRequest of(PolicyContext context) {
        LlmRequest known = context.get(KEY);
        if (known == null) {
            byte[] body = context.request().body().bytes();
            known = parse(body == null ? new byte[0] : body);
            context.put(KEY, known);
        }
        return known;
    }

    static LlmRequest parse(byte[] body) {
        if (body.length == 0) {
            return new LlmRequest(false, 0);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return new LlmRequest(false, TokenEstimator.ofChars(new String(body, java.nio.charset.StandardCharsets.UTF_8)
                    .length()));
        }
        JsonNode stream = json.get("stream");
        return new LlmRequest(stream != null && stream.asBoolean(false), TokenEstimator.promptOf(json));
    }
}
