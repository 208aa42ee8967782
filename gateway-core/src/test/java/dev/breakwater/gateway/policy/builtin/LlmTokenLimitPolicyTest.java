package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.llm.LlmTesting;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * llm-token-limit (and azure-openai-token-limit) on a manual clock with a stub backend that answers
 * OpenAI-style usage: the rate (429) and the quota (403) through on-error with Retry-After, windows
 * that renew, prompt estimation that refuses before the backend, streamed answers, the headers and
 * variables, counters that outlive a recompile, and what the compiler refuses.
 */
class LlmTokenLimitPolicyTest {

    private static final String BY_HEADER =
            "counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Key&quot;, &quot;&quot;))\"";
    private static final String ON_ERROR = "<on-error><set-header name=\"X-Error\"><value>@(context.LastError.Source"
            + " + \":\" + context.LastError.Reason)</value></set-header></on-error>";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final PolicyServices services = new PolicyServices(new MetricRegistry(), clock);

    private Pipeline pipeline(String policies) throws Exception {
        return PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, policies, Set.of());
    }

    private static Pipeline limit(LlmTokenLimitPolicyTest test, String attributes) throws Exception {
        return test.pipeline("<policies><inbound><llm-token-limit " + BY_HEADER + " " + attributes + "/></inbound>"
                + "<outbound><set-header name=\"X-Seen\"><value>@(context.Variables.GetValueOrDefault&lt;int&gt;"
                + "(&quot;consumed&quot;, -1).ToString())</value></set-header></outbound>" + ON_ERROR + "</policies>");
    }

    private static PolicyContext call(Pipeline pipeline, StubBackend backend, String key, String request, String answer)
            throws Exception {
        return PolicyTesting.flow(pipeline, LlmTesting.context(backend, request, answer, "application/json",
                "X-Key", key));
    }

    @Test
    void tokensPerMinuteCountsReportedUsageThenRefuses429UntilTheMinuteRenews() throws Exception {
        Pipeline pipeline = limit(this, "tokens-per-minute=\"100\" estimate-prompt-tokens=\"false\" "
                + "remaining-tokens-header-name=\"X-Left\" tokens-consumed-header-name=\"X-Used\" "
                + "tokens-consumed-variable-name=\"consumed\" remaining-tokens-variable-name=\"left\"");
        StubBackend backend = new StubBackend();
        PolicyContext first = call(pipeline, backend, "a", LlmTesting.chat(10, false), LlmTesting.answer(20, 40));
        assertEquals(200, first.response().status());
        assertEquals("60", first.response().headers().first("X-Used"));
        assertEquals("40", first.response().headers().first("X-Left"));
        assertEquals("60", first.response().headers().first("X-Seen"), "outbound sees the reported count");
        assertEquals(40, first.variables().get("left"));

        PolicyContext second = call(pipeline, backend, "a", LlmTesting.chat(10, false), LlmTesting.answer(20, 40));
        assertEquals(200, second.response().status(), "40 left: not estimated, so the request goes and overdraws");
        assertEquals("0", second.response().headers().first("X-Left"));

        clock.advance(Duration.ofSeconds(15));
        PolicyContext refused = call(pipeline, backend, "a", LlmTesting.chat(10, false), LlmTesting.answer(20, 40));
        assertEquals(429, refused.response().status());
        assertEquals("45", refused.response().headers().first("Retry-After"));
        assertEquals("llm-token-limit:TokenLimitExceeded", refused.response().headers().first("X-Error"));
        assertEquals("Token limit is exceeded. Try again in 45 seconds.", refused.lastError().message());
        assertEquals("Token limit is exceeded. Try again in 45 seconds.",
                Json.error(PolicyTesting.body(refused.response()), 429));
        assertEquals("0", refused.response().headers().first("X-Left"));
        assertNull(refused.response().headers().first("X-Used"), "the backend did not answer");
        assertEquals(2, backend.calls.size(), "the refused request never reached the backend");

        assertEquals(200, call(pipeline, backend, "b", LlmTesting.chat(10, false), LlmTesting.answer(1, 1))
                .response().status(), "another key counts apart");
        clock.advance(Duration.ofSeconds(45));
        assertEquals(200, call(pipeline, backend, "a", LlmTesting.chat(10, false), LlmTesting.answer(1, 1))
                .response().status(), "a new minute");
    }

    @Test
    void estimatedPromptsTooLargeAreRefusedBeforeTheBackendAndUsageReplacesTheEstimate() throws Exception {
        Pipeline pipeline = limit(this, "tokens-per-minute=\"50\" estimate-prompt-tokens=\"true\" "
                + "tokens-consumed-variable-name=\"consumed\" remaining-tokens-header-name=\"X-Left\"");
        StubBackend backend = new StubBackend();
        PolicyContext tooLarge = call(pipeline, backend, "a", LlmTesting.chat(400, false), LlmTesting.answer(1, 1));
        assertEquals(429, tooLarge.response().status(), "104 estimated tokens cannot fit in 50");
        assertEquals(0, backend.calls.size());

        // 40 characters: 14 estimated; the backend reports 30 in all
        PolicyContext passed = call(pipeline, backend, "a", LlmTesting.chat(40, false), LlmTesting.answer(10, 20));
        assertEquals(200, passed.response().status());
        assertEquals("30", passed.response().headers().first("X-Seen"));
        assertEquals("20", passed.response().headers().first("X-Left"), "the estimate was replaced by 30");

        PolicyContext noRoom = call(pipeline, backend, "a", LlmTesting.chat(80, false), LlmTesting.answer(1, 1));
        assertEquals(429, noRoom.response().status(), "24 estimated tokens do not fit in the 20 left");
        assertEquals(1, backend.calls.size());
    }

    @Test
    void aQuotaRefuses403UntilItsCalendarPeriodRenews() throws Exception {
        Pipeline pipeline = limit(this, "token-quota=\"100\" token-quota-period=\"Daily\" "
                + "estimate-prompt-tokens=\"false\" remaining-quota-tokens-header-name=\"X-Quota-Left\" "
                + "remaining-quota-tokens-variable-name=\"quotaLeft\" retry-after-header-name=\"X-Wait\" "
                + "retry-after-variable-name=\"wait\"");
        StubBackend backend = new StubBackend();
        PolicyContext first = call(pipeline, backend, "a", LlmTesting.chat(10, false), LlmTesting.answer(50, 50));
        assertEquals("0", first.response().headers().first("X-Quota-Left"));
        assertEquals(0, first.variables().get("quotaLeft"));

        PolicyContext refused = call(pipeline, backend, "a", LlmTesting.chat(10, false), LlmTesting.answer(1, 1));
        assertEquals(403, refused.response().status());
        assertEquals("llm-token-limit:TokenQuotaExceeded", refused.response().headers().first("X-Error"));
        assertEquals("50400", refused.response().headers().first("X-Wait"), "14 hours to midnight UTC");
        assertNull(refused.response().headers().first("Retry-After"), "renamed");
        assertEquals(50400, refused.variables().get("wait"));
        assertEquals("Token quota is exceeded. Try again in 14:00:00.", refused.lastError().message());

        clock.advance(Duration.ofHours(14));
        assertEquals(200, call(pipeline, backend, "a", LlmTesting.chat(10, false), LlmTesting.answer(1, 1))
                .response().status(), "a new day");
    }

    @Test
    void theQuotaIsCheckedFirstAndARefusalByTheRateGivesBackWhatTheQuotaTook() throws Exception {
        Pipeline pipeline = limit(this, "tokens-per-minute=\"20\" token-quota=\"1000\" token-quota-period=\"Hourly\" "
                + "estimate-prompt-tokens=\"true\" remaining-quota-tokens-header-name=\"X-Quota-Left\"");
        StubBackend backend = new StubBackend();
        assertEquals(429, call(pipeline, backend, "a", LlmTesting.chat(100, false), null).response().status());
        PolicyContext passed = call(pipeline, backend, "a", LlmTesting.chat(4, false), LlmTesting.answer(3, 2));
        assertEquals("995", passed.response().headers().first("X-Quota-Left"), "only the 5 reported tokens count");
    }

    @Test
    void streamedRequestsAreAlwaysEstimatedAndCountTheirUsageEventOrTheirDeltas() throws Exception {
        Pipeline pipeline = limit(this, "tokens-per-minute=\"100\" estimate-prompt-tokens=\"false\" "
                + "tokens-consumed-header-name=\"X-Used\"");
        StubBackend backend = new StubBackend();
        assertEquals(429, PolicyTesting.flow(pipeline, LlmTesting.context(backend, LlmTesting.chat(400, true),
                null, "text/event-stream", "X-Key", "a")).response().status(), "a stream's prompt is always estimated");
        PolicyContext reported = PolicyTesting.flow(pipeline, LlmTesting.context(backend, LlmTesting.chat(8, true),
                LlmTesting.events(new int[] {9, 3}, "Hi", " there"), "text/event-stream", "X-Key", "a"));
        assertEquals("12", reported.response().headers().first("X-Used"));
        PolicyContext estimated = PolicyTesting.flow(pipeline, LlmTesting.context(backend, LlmTesting.chat(8, true),
                LlmTesting.events(null, "Hi", " there"), "text/event-stream", "X-Key", "a"));
        assertEquals("8", estimated.response().headers().first("X-Used"), "6 estimated prompt tokens, 2 of deltas");
    }

    @Test
    void theAzureOpenAiNameIsTheSamePolicyAndCountersOutliveARecompile() throws Exception {
        String document = "<policies><inbound><azure-openai-token-limit counter-key=\"k\" tokens-per-minute=\"50\" "
                + "estimate-prompt-tokens=\"false\" remaining-tokens-header-name=\"X-Left\"/></inbound></policies>";
        StubBackend backend = new StubBackend();
        PolicyContext first = PolicyTesting.flow(pipeline(document), LlmTesting.context(backend,
                LlmTesting.chat(4, false), LlmTesting.answer(10, 20), "application/json"));
        assertEquals("20", first.response().headers().first("X-Left"));
        PolicyContext again = PolicyTesting.flow(pipeline(document), LlmTesting.context(backend,
                LlmTesting.chat(4, false), LlmTesting.answer(10, 20), "application/json"));
        assertEquals("0", again.response().headers().first("X-Left"), "the same place, the same counter");
        PolicyContext refused = PolicyTesting.flow(pipeline(document), LlmTesting.context(backend,
                LlmTesting.chat(4, false), LlmTesting.answer(1, 1), "application/json"));
        assertEquals(429, refused.response().status());
        assertEquals("azure-openai-token-limit", refused.lastError().source());
    }

    @Test
    void aBackendAnswerWithoutUsageLeavesTheEstimateCounted() throws Exception {
        Pipeline pipeline = limit(this, "tokens-per-minute=\"30\" estimate-prompt-tokens=\"true\" "
                + "remaining-tokens-header-name=\"X-Left\"");
        StubBackend backend = new StubBackend();
        backend.status = 400;
        PolicyContext failed = call(pipeline, backend, "a", LlmTesting.chat(40, false), "{\"error\":{\"code\":\"bad\"}}");
        assertEquals(400, failed.response().status());
        assertEquals("16", failed.response().headers().first("X-Left"), "14 estimated tokens stay counted");
    }

    @Test
    void thePipelineBuffersTheRequestBodyOnly() throws Exception {
        Pipeline pipeline = limit(this, "tokens-per-minute=\"30\" estimate-prompt-tokens=\"true\"");
        assertTrue(pipeline.readsRequestBody());
        assertFalse(pipeline.readsResponseBody(), "the answer is read as it streams");
    }

    @Test
    void theCompilerRefusesWhatIsMissingWrongOrUnknown() {
        assertTrue(error("<llm-token-limit counter-key=\"k\" estimate-prompt-tokens=\"true\"/>")
                .contains("needs 'tokens-per-minute', or 'token-quota' with 'token-quota-period'"));
        assertTrue(error("<llm-token-limit counter-key=\"k\" token-quota=\"5\" estimate-prompt-tokens=\"true\"/>")
                .contains("go together"));
        assertTrue(error("<llm-token-limit counter-key=\"k\" token-quota=\"5\" token-quota-period=\"Fortnightly\" "
                + "estimate-prompt-tokens=\"true\"/>").contains("Hourly, Daily, Weekly, Monthly or Yearly"));
        assertTrue(error("<llm-token-limit counter-key=\"k\" tokens-per-minute=\"5\"/>")
                .contains("'estimate-prompt-tokens' is required"));
        assertTrue(error("<llm-token-limit counter-key=\"k\" tokens-per-minute=\"0\" estimate-prompt-tokens=\"true\"/>")
                .contains("tokens-per-minute"));
        assertTrue(error("<llm-token-limit counter-key=\"k\" tokens-per-minute=\"5\" estimate-prompt-tokens=\"true\" "
                + "tokens-per-hour=\"9\"/>").contains("tokens-per-hour"));
        assertTrue(error("<azure-openai-token-limit tokens-per-minute=\"5\" estimate-prompt-tokens=\"true\"/>")
                .contains("counter-key"));
        assertTrue(PolicyTesting.compileError(in(Section.OUTBOUND, "<llm-token-limit counter-key=\"k\" "
                + "tokens-per-minute=\"5\" estimate-prompt-tokens=\"true\"/>")).contains("outbound"));
    }

    private static String error(String element) {
        return PolicyTesting.compileError(in(Section.INBOUND, element));
    }
}
