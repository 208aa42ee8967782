package dev.breakwater.gateway.policy.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.policy.runtime.ContextKey;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The tokens an LLM backend's response used, as its {@code usage} object reports them
 * ({@code prompt_tokens}, {@code completion_tokens}, {@code total_tokens}; the Responses API's
 * {@code input_tokens} and {@code output_tokens} too). A streamed answer (server-sent events) is
 * read event by event: the last event with a {@code usage} wins (OpenAI sends one at the end when
 * asked with {@code stream_options.include_usage}); without one, the prompt is the request's
 * estimate and the completion is estimated from the text of the events' deltas, as APIM estimates
 * streamed answers. Read once per response, shared by the token policies of the request.
 *
 * @param prompt     prompt (input) tokens
 * @param completion completion (output) tokens
 * @param total      all of them
 * @param reported   whether the backend reported them (else they are estimated)
 */
public record TokenUsage(long prompt, long completion, long total, boolean reported) {

    private static final ContextKey<Read> KEY = new ContextKey<>("llm-usage", Read.class);

    /**
     * The usage of {@code response} (the backend's, its body buffered), or {@code null} when a
     * non-streamed answer reports none (an error, a body that is not JSON or is compressed).
     */
    public static TokenUsage of(PolicyContext context, ResponseMessage response) {
        Read read = context.get(KEY);
        if (read == null || read.response != response) {
            read = new Read(response, parse(response, LlmRequest.of(context)));
            context.put(KEY, read);
        }
        return read.usage;
    }

    static TokenUsage parse(ResponseMessage response, LlmRequest request) {
        byte[] body = response.body().bytes();
        String encoding = response.headers().first("Content-Encoding");
        boolean readable = body != null && (encoding == null || encoding.isBlank()
                || encoding.trim().equalsIgnoreCase("identity"));
        String type = response.headers().first("Content-Type");
        boolean events = type != null && type.toLowerCase(Locale.ROOT).contains("text/event-stream");
        if (!readable) {
            return request.streaming() ? estimated(request.promptEstimate(), 0) : null;
        }
        if (events || request.streaming()) {
            return fromEvents(new String(body, StandardCharsets.UTF_8), request);
        }
        try {
            JsonNode json = LlmRequest.JSON.readTree(body);
            return json == null ? null : reported(json.get("usage"));
        } catch (IOException e) {
            return null;
        }
    }

    private static TokenUsage fromEvents(String text, LlmRequest request) {
        TokenUsage last = null;
        long completionChars = 0;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("data:")) {
                continue;
            }
            String data = trimmed.substring(5).strip();
            if (data.isEmpty() || data.equals("[DONE]")) {
                continue;
            }
            JsonNode event;
            try {
                event = LlmRequest.JSON.readTree(data);
            } catch (IOException e) {
                continue; // not an event of ours: the rest still counts
            }
            if (event == null || !event.isObject()) {
                continue;
            }
            TokenUsage usage = reported(event.get("usage"));
            if (usage == null && event.get("response") != null) {
                usage = reported(event.get("response").get("usage")); // Responses API: response.completed
            }
            if (usage != null) {
                last = usage;
            }
            completionChars += deltaChars(event);
        }
        return last != null ? last : estimated(request.promptEstimate(), TokenEstimator.ofChars(completionChars));
    }

    /** The text an event adds to the answer: chat deltas, completions' text, the Responses API's delta. */
    private static long deltaChars(JsonNode event) {
        long chars = 0;
        JsonNode choices = event.get("choices");
        if (choices != null && choices.isArray()) {
            for (JsonNode choice : choices) {
                JsonNode delta = choice.get("delta");
                chars += TokenEstimator.textChars(delta == null ? null : delta.get("content"));
                chars += TokenEstimator.textChars(choice.get("text"));
            }
        }
        JsonNode delta = event.get("delta");
        if (delta != null && delta.isTextual()) {
            chars += delta.asText().length();
        }
        return chars;
    }

    private static TokenUsage reported(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        long prompt = number(usage, "prompt_tokens", "input_tokens");
        long completion = number(usage, "completion_tokens", "output_tokens");
        long total = number(usage, "total_tokens", null);
        if (prompt < 0 && completion < 0 && total < 0) {
            return null;
        }
        prompt = Math.max(0, prompt);
        completion = Math.max(0, completion);
        return new TokenUsage(prompt, completion, total < 0 ? prompt + completion : total, true);
    }

    private static long number(JsonNode usage, String name, String alternative) {
        JsonNode value = usage.get(name);
        if ((value == null || !value.canConvertToLong()) && alternative != null) {
            value = usage.get(alternative);
        }
        return value != null && value.isIntegralNumber() && value.canConvertToLong() ? Math.max(0, value.asLong()) : -1;
    }

    private static TokenUsage estimated(long prompt, long completion) {
        return new TokenUsage(prompt, completion, prompt + completion, false);
    }

    /** The usage read from one response. */
    private record Read(ResponseMessage response, TokenUsage usage) {
    }
}
