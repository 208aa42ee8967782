package dev.breakwater.gateway.policy.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a streamed LLM answer (server-sent events) as its bytes come, for its {@code usage}: each
 * {@code data:} line is one event; the last event with a {@code usage} wins (OpenAI sends one at the
 * end when asked with {@code stream_options.include_usage}; the Responses API's
 * {@code response.completed} has it under {@code response}), and the text of the events' deltas is
 * counted for an estimate when none comes. Memory is bounded: only the current line is kept, at most
 * {@code lineCap} bytes; a longer line is skipped whole (its event is not read). Not thread-safe: one
 * body, pieces in order.
 */
final class UsageEvents {

    private final int lineCap;
    private byte[] line = new byte[256];
    private int length;
    private boolean overlong;
    private TokenUsage last;
    private long completionChars;

    UsageEvents(int lineCap) {
        this.lineCap = lineCap;
    }

    /** The next bytes of the body. */
    void feed(byte[] bytes, int offset, int count) {
        int end = offset + count;
        int from = offset;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                append(bytes, from, i - from);
                endLine();
                from = i + 1;
            }
        }
        append(bytes, from, end - from);
    }

    /**
     * The usage the events reported, or, without one, the prompt's estimate plus the completion
     * estimated from the deltas seen.
     */
    TokenUsage result(long promptEstimate) {
        endLine(); // a last line without its newline
        if (last != null) {
            return last;
        }
        long completion = TokenEstimator.ofChars(completionChars);
        return new TokenUsage(promptEstimate, completion, promptEstimate + completion, false);
    }

    private void append(byte[] bytes, int from, int count) {
        if (count == 0 || overlong) {
            return;
        }
        if (length + count > lineCap) {
            overlong = true; // skipped whole: a usage event is small, and half an event is no event
            length = 0;
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(lineCap, Math.max(line.length * 2, length + count)));
        }
        System.arraycopy(bytes, from, line, length, count);
        length += count;
    }

    private void endLine() {
        if (!overlong && length > 0) {
            event(new String(line, 0, length, StandardCharsets.UTF_8));
        }
        length = 0;
        overlong = false;
        if (line.length > 4096) {
            line = new byte[256]; // a long line's room is not kept for the rest of the stream
        }
    }

    private void event(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("data:")) {
            return;
        }
        String data = trimmed.substring(5).strip();
        if (data.isEmpty() || data.equals("[DONE]")) {
            return;
        }
        JsonNode event;
        try {
            event = LlmRequest.JSON.readTree(data);
        } catch (IOException e) {
            return; // not an event of ours: the rest still counts
        }
        if (event == null || !event.isObject()) {
            return;
        }
        TokenUsage usage = TokenUsage.reported(event.get("usage"));
        if (usage == null && event.get("response") != null) {
            usage = TokenUsage.reported(event.get("response").get("usage")); // Responses API: response.completed
        }
        if (usage != null) {
            last = usage;
        }
        completionChars += deltaChars(event);
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
}
