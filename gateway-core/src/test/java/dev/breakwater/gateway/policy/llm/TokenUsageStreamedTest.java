package dev.breakwater.gateway.policy.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.runtime.ExchangeEndHooks;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.ResponseBodyTaps;
import dev.breakwater.gateway.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The token policies on answers whose body streams to the client (no policy buffers it): the usage
 * is read from the pieces as they are relayed (the test plays the proxy's part) and counted when the
 * exchange ends; an answer that never reaches the client, or a JSON answer larger than the body
 * limit, leaves the estimate counted; an event line longer than the limit is skipped, not kept.
 */
class TokenUsageStreamedTest {

    private static final int LIMIT = 512;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final MetricRegistry registry = new MetricRegistry();
    private final PolicyServices services = new PolicyServices(registry, clock, LIMIT);
    private final StubBackend backend = new StubBackend();

    private Pipeline pipeline() throws Exception {
        backend.streamed = true;
        return PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, "<policies><inbound>"
                + "<llm-token-limit counter-key=\"k\" tokens-per-minute=\"1000\" estimate-prompt-tokens=\"true\" "
                + "remaining-tokens-header-name=\"X-Left\" tokens-consumed-header-name=\"X-Used\" "
                + "tokens-consumed-variable-name=\"used\"/>"
                + "<llm-emit-token-metric namespace=\"t\"><dimension name=\"D\" value=\"d\"/></llm-emit-token-metric>"
                + "</inbound><outbound><set-header name=\"X-Seen\"><value>@(context.Variables.GetValueOrDefault&lt;int&gt;"
                + "(&quot;used&quot;, -1).ToString())</value></set-header></outbound></policies>", Set.of());
    }

    /** Runs the flow, then relays the backend's body in pieces of {@code piece} bytes (if {@code relayed}) and ends the exchange. */
    private PolicyContext exchange(Pipeline pipeline, String request, String answer, String type, int piece,
                                   boolean relayed) throws Exception {
        PolicyContext context = PolicyTesting.flow(pipeline, LlmTesting.context(backend, request, answer, type));
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        if (relayed) {
            ResponseBodyTaps taps = ResponseBodyTaps.begin(context);
            for (int at = 0; at < body.length; at += piece) {
                byte[] copy = body.clone(); // the proxy's buffer: valid only during the call
                taps.piece(copy, at, Math.min(piece, body.length - at));
            }
        }
        ExchangeEndHooks.run(context, 0, relayed ? body.length : 0);
        return context;
    }

    private String left(Pipeline pipeline) throws Exception {
        backend.streamed = false;
        PolicyContext probe = PolicyTesting.flow(pipeline, LlmTesting.context(backend, "", LlmTesting.answer(0, 0),
                "application/json"));
        backend.streamed = true;
        return probe.response().headers().first("X-Left");
    }

    private long total() {
        Counter count = registry.getCounters().get("custom.t.Total Tokens[D=d].count");
        return count == null ? 0 : count.getCount();
    }

    @Test
    void aStreamedAnswersUsageEventCountsWhenTheExchangeEnds() throws Exception {
        Pipeline pipeline = pipeline();
        assertTrue(!pipeline.readsResponseBody(), "no policy buffers the answer");
        PolicyContext context = exchange(pipeline, LlmTesting.chat(40, true),
                LlmTesting.events(new int[] {100, 200}, "Hel", "lo"), "text/event-stream", 7, true);
        assertEquals("986", context.response().headers().first("X-Left"), "the head went out with the 14 estimated");
        assertNull(context.response().headers().first("X-Used"), "the usage was not known when the head went out");
        assertEquals("14", context.response().headers().first("X-Seen"), "outbound saw the estimate");
        assertEquals(1, total(), "emitted once, at the end");
        assertEquals("700", left(pipeline), "the 300 reported replaced the estimate");
    }

    @Test
    void aJsonAnswerThatStreamsIsReadFromABoundedCopy() throws Exception {
        Pipeline pipeline = pipeline();
        exchange(pipeline, LlmTesting.chat(40, false), LlmTesting.answer(30, 20), "application/json", 16, true);
        assertEquals("950", left(pipeline));

        String large = "{\"pad\":\"" + "x".repeat(LIMIT) + "\",\"usage\":{\"total_tokens\":500}}";
        exchange(pipeline, LlmTesting.chat(40, false), large, "application/json", 64, true);
        assertEquals("936", left(pipeline), "larger than the body limit: the 14 estimated stand");
    }

    @Test
    void anAnswerTheClientNeverGotLeavesTheEstimate() throws Exception {
        Pipeline pipeline = pipeline();
        exchange(pipeline, LlmTesting.chat(40, false), LlmTesting.answer(30, 20), "application/json", 16, false);
        assertEquals(0, total(), "nothing emitted");
        assertEquals("986", left(pipeline));
    }

    @Test
    void anEventLineLongerThanTheLimitIsSkippedAndTheRestStillCounts() throws Exception {
        Pipeline pipeline = pipeline();
        String events = "data: {\"choices\":[{\"delta\":{\"content\":\"" + "y".repeat(LIMIT) + "\"}}]}\n\n"
                + LlmTesting.events(new int[] {5, 6}, "ok");
        exchange(pipeline, LlmTesting.chat(40, true), events, "text/event-stream", 100, true);
        assertEquals("989", left(pipeline), "the usage event after the long line counted: 11");
    }
}
