package dev.breakwater.gateway.policy.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.policy.runtime.ContextKey;
import dev.breakwater.gateway.policy.runtime.ExchangeEndHooks;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.ResponseBodyTaps;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;

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
    private static final ContextKey<Tapped> TAPPED = new ContextKey<>("llm-usage-tap", Tapped.class);

    /**
     * Tells {@code listener} the usage of {@code response}, the backend's ({@code null} when it
     * reports none): at once when its body is buffered (before outbound runs), else once the body has
     * been relayed to the client, read as it streamed ({@link UsageTap}, sharing one per response
     * between the request's token policies), when the exchange ends. A body that never reaches the
     * client (the gateway answered instead) reports none.
     *
     * @param cap the longest event line or JSON answer read as it streams (the policy body limit)
     */
    public static void whenKnown(PolicyContext context, ResponseMessage response, int cap,
                                 Consumer<TokenUsage> listener) {
        if (!response.body().isStream()) {
            listener.accept(of(context, response));
            return;
        }
        Tapped tapped = context.get(TAPPED);
        if (tapped == null || tapped.response != response) {
            UsageTap tap = tap(response, LlmRequest.of(context), cap);
            tapped = new Tapped(response, tap);
            context.put(TAPPED, tapped);
            ResponseBodyTaps.add(context, tap);
            ExchangeEndHooks.add(context, (bytesIn, bytesOut) -> tap.finish());
        }
        tapped.tap.listen(listener);
    }

    private static UsageTap tap(ResponseMessage response, LlmRequest request, int cap) {
        String type = response.headers().first("Content-Type");
        return new UsageTap(request, uncoded(response), events(type, request),
                type == null || type.toLowerCase(Locale.ROOT).contains("json"), cap);
    }

    /** Whether the body is as the backend wrote it (no content coding): only then can it be read. */
    private static boolean uncoded(ResponseMessage response) {
        String encoding = response.headers().first("Content-Encoding");
        return encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
    }

    /**
     * Whether the answer is server-sent events: its type says so, or it has none and the request
     * asked for a stream. A typed answer to a streaming request that is not events (a JSON error)
     * is read as what it is, so that it reports no usage rather than an estimate.
     */
    private static boolean events(String type, LlmRequest request) {
        return type == null ? request.streaming() : type.toLowerCase(Locale.ROOT).contains("text/event-stream");
    }

    /**
     * The usage of {@code response} (the backend's, its body buffered), or {@code null} when a
     * non-streamed answer reports none (an error, a body that is not JSON or is compressed).
     */
    private static TokenUsage of(PolicyContext context, ResponseMessage response) {
        Read read = context.get(KEY);
        if (read == null || read.response != response) {
            read = new Read(response, parse(response, LlmRequest.of(context)));
            context.put(KEY, read);
        }
        return read.usage;
    }

    static TokenUsage parse(ResponseMessage response, LlmRequest request) {
        byte[] body = response.body().bytes();
        boolean events = events(response.headers().first("Content-Type"), request);
        if (body == null || !uncoded(response)) {
            return events ? estimated(request.promptEstimate(), 0) : null;
        }
        if (events) {
            UsageEvents scanner = new UsageEvents(Integer.MAX_VALUE); // the body is already bounded
            scanner.feed(body, 0, body.length);
            return scanner.result(request.promptEstimate());
        }
        try {
            JsonNode json = LlmRequest.JSON.readTree(body);
            return json == null ? null : reported(json.get("usage"));
        } catch (IOException e) {
            return null;
        }
    }

    static TokenUsage reported(JsonNode usage) {
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

    /** The tap reading one response as it streams. */
    private record Tapped(ResponseMessage response, UsageTap tap) {
    }
}
