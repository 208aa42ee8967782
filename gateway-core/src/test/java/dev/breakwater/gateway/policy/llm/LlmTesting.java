package dev.breakwater.gateway.policy.llm;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.nio.charset.StandardCharsets;

/** OpenAI-style requests and answers for the token policies' tests, on a {@link StubBackend}. */
public final class LlmTesting {

    private LlmTesting() {
    }

    /** A chat request whose one message has {@code chars} characters; streamed if asked. */
    public static String chat(int chars, boolean stream) {
        return "{\"model\":\"gpt-4o\"," + (stream ? "\"stream\":true," : "")
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(chars) + "\"}]}";
    }

    /** A chat completion answer reporting this usage. */
    public static String answer(int prompt, int completion) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
                + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":" + (prompt + completion) + "}}";
    }

    /** A streamed answer: deltas of these texts, then (when {@code usage} is not null) a usage event, then [DONE]. */
    public static String events(int[] usage, String... deltas) {
        StringBuilder text = new StringBuilder();
        for (String delta : deltas) {
            text.append("data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
                    .append(delta).append("\"}}]}\n\n");
        }
        if (usage != null) {
            text.append("data: {\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":")
                    .append(usage[0]).append(",\"completion_tokens\":").append(usage[1]).append(",\"total_tokens\":")
                    .append(usage[0] + usage[1]).append("}}\n\n");
        }
        return text.append("data: [DONE]\n\n").toString();
    }

    /** A POST context with this body, whose stub backend answers {@code answer} with this content type. */
    public static PolicyContext context(StubBackend backend, String body, String answer, String contentType,
                                        String... headers) {
        PolicyContext context = PolicyTesting.context("/chat/completions", null, TemplateValues.NONE, headers);
        context.request().setMethod("POST");
        context.request().body().buffered(body.getBytes(StandardCharsets.UTF_8));
        backend.body = answer == null ? null : answer.getBytes(StandardCharsets.UTF_8);
        backend.contentType = contentType;
        context.setForwarder(backend);
        return context;
    }
}
