package dev.breakwater.gateway.policy.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Breakwater's token estimate, where APIM estimates without saying how: one token for every four
 * characters of text (rounded up), plus four tokens per chat message for its role and framing.
 * OpenAI's tokenizers average about four characters of English per token; a real tokenizer would
 * need a model's vocabulary, which a gateway does not have for every model it fronts. The estimate
 * only has to be good enough to refuse a prompt that cannot fit before it reaches the backend;
 * the backend's reported {@code usage} corrects the count afterwards.
 */
public final class TokenEstimator {

    /** Characters per token. */
    static final int CHARS_PER_TOKEN = 4;
    /** Tokens a chat message costs beyond its text. */
    static final int PER_MESSAGE = 4;

    private TokenEstimator() {
    }

    /** The tokens of {@code chars} characters of text. */
    public static long ofChars(long chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /**
     * The prompt tokens of an OpenAI-style request body: the text of {@code messages} (chat
     * completions; content as a string or as parts with {@code text}), {@code prompt} (completions)
     * and {@code input} (embeddings, responses), whichever it has.
     */
    public static long promptOf(JsonNode body) {
        long chars = 0;
        long messages = 0;
        JsonNode chat = body.get("messages");
        if (chat != null && chat.isArray()) {
            for (JsonNode message : chat) {
                messages++;
                chars += textChars(message.get("content"));
                chars += textChars(message.get("name"));
            }
        }
        chars += textChars(body.get("prompt"));
        JsonNode input = body.get("input");
        if (input != null && input.isArray()) {
            for (JsonNode item : input) {
                if (item.isObject()) {
                    messages++;
                    chars += textChars(item.get("content"));
                } else {
                    chars += textChars(item);
                }
            }
        } else {
            chars += textChars(input);
        }
        return ofChars(chars) + messages * PER_MESSAGE;
    }

    /** The characters of text in a string, an array of strings, or content parts ({@code {"text": ...}}). */
    static long textChars(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isTextual()) {
            return node.asText().length();
        }
        long chars = 0;
        if (node.isArray()) {
            for (JsonNode item : node) {
                chars += item.isObject() ? textChars(item.get("text")) : textChars(item);
            }
        }
        return chars;
    }
}
