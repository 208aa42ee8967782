package dev.breakwater.gateway.policy.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading usage from answers and estimating prompts and streamed completions. */
class TokenUsageTest {

    private static ResponseMessage response(String type, String body, String... headers) {
        Headers fields = new Headers().add("Content-Type", type);
        for (int i = 0; i < headers.length; i += 2) {
            fields.add(headers[i], headers[i + 1]);
        }
        ResponseMessage response = ResponseMessage.fromBackend(200, null, fields);
        response.body().buffered(body.getBytes(StandardCharsets.UTF_8));
        return response;
    }

    private static LlmRequest request(String body) {
        return LlmRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void promptsAreEstimatedAtFourCharactersPerTokenPlusFourPerMessage() {
        assertEquals(25 + 4, request(LlmTesting.chat(100, false)).promptEstimate());
        assertEquals(26 + 4, request(LlmTesting.chat(101, false)).promptEstimate(), "rounded up");
        assertEquals(3 + 8, request("{\"messages\":[{\"role\":\"system\",\"content\":\"abcd\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"abcdefgh\"},{\"type\":\"image_url\"}]}]}")
                .promptEstimate(), "content parts' text counts");
        assertEquals(2, request("{\"input\":[\"abcd\",\"efgh\"]}").promptEstimate(), "embeddings' input");
        assertEquals(2, request("{\"prompt\":\"abcdefg\"}").promptEstimate(), "completions' prompt");
        assertEquals(4, request("not json at all").promptEstimate(), "a body that is not JSON, as text: 15 characters");
        assertTrue(request(LlmTesting.chat(4, true)).streaming());
        assertFalse(request(LlmTesting.chat(4, false)).streaming());
    }

    @Test
    void anAnswerReportsItsUsage() {
        TokenUsage usage = TokenUsage.parse(response("application/json", LlmTesting.answer(12, 30)),
                request(LlmTesting.chat(400, false)));
        assertEquals(new TokenUsage(12, 30, 42, true), usage);
        assertEquals(new TokenUsage(5, 0, 5, true), TokenUsage.parse(response("application/json",
                "{\"data\":[],\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}"), request("{}")), "embeddings");
        assertEquals(new TokenUsage(7, 3, 10, true), TokenUsage.parse(response("application/json",
                "{\"usage\":{\"input_tokens\":7,\"output_tokens\":3}}"), request("{}")), "the Responses API's names");
    }

    @Test
    void anAnswerWithoutUsageOrUnreadableReportsNothing() {
        assertNull(TokenUsage.parse(response("application/json", "{\"error\":{\"code\":\"400\"}}"), request("{}")));
        assertNull(TokenUsage.parse(response("text/plain", "oops"), request("{}")));
        assertNull(TokenUsage.parse(response("application/json", LlmTesting.answer(1, 2), "Content-Encoding", "gzip"),
                request("{}")), "a compressed body is not read");
    }

    @Test
    void aStreamedAnswerUsesItsLastUsageEventElseEstimatesItsDeltas() {
        LlmRequest streamed = request(LlmTesting.chat(40, true));
        assertEquals(new TokenUsage(11, 2, 13, true), TokenUsage.parse(response("text/event-stream",
                LlmTesting.events(new int[] {11, 2}, "Hello", " world")), streamed));
        TokenUsage estimated = TokenUsage.parse(response("text/event-stream",
                LlmTesting.events(null, "Hello", " world!")), streamed);
        assertEquals(new TokenUsage(10 + 4, 3, 17, false), estimated, "12 characters of deltas: 3 tokens");
    }
}
