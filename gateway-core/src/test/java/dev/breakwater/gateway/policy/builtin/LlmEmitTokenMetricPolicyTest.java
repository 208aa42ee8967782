package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.llm.LlmTesting;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * llm-emit-token-metric (and azure-openai-emit-token-metric) into a registry of its own: the three
 * token metrics with default and custom dimensions, estimated for a stream without usage, nothing
 * for an answer without usage, and what the compiler refuses.
 */
class LlmEmitTokenMetricPolicyTest {

    private final MetricRegistry registry = new MetricRegistry();
    private final PolicyServices services = new PolicyServices(registry, Clock.systemUTC());
    private final RecordedSeries recorded = new RecordedSeries(registry);

    private Pipeline pipeline(String element) throws Exception {
        return PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, in(Section.INBOUND, element),
                Set.of());
    }

    @Test
    void theUsageOfEachAnswerIsAddedToTheThreeMetricsWithTheDimensions() throws Exception {
        Pipeline pipeline = pipeline("<llm-emit-token-metric namespace=\"MyLLM\"><dimension name=\"API ID\"/>"
                + "<dimension name=\"Tenant\" value=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Tenant&quot;, "
                + "&quot;none&quot;))\"/></llm-emit-token-metric>");
        StubBackend backend = new StubBackend();
        PolicyTesting.flow(pipeline, LlmTesting.context(backend, LlmTesting.chat(10, false), LlmTesting.answer(10, 5),
                "application/json", "X-Tenant", "t1"));
        PolicyTesting.flow(pipeline, LlmTesting.context(backend, LlmTesting.chat(10, false), LlmTesting.answer(20, 7),
                "application/json", "X-Tenant", "t1"));
        String dimensions = "[API ID=echo;Tenant=t1]";
        assertEquals(2, recorded.count("custom.MyLLM.Total Tokens" + dimensions));
        assertEquals(42.0, recorded.sum("custom.MyLLM.Total Tokens" + dimensions), 1e-9);
        assertEquals(30.0, recorded.sum("custom.MyLLM.Prompt Tokens" + dimensions), 1e-9);
        assertEquals(12.0, recorded.sum("custom.MyLLM.Completion Tokens" + dimensions), 1e-9);
    }

    @Test
    void theAzureOpenAiNameEstimatesAStreamWithoutUsageAndEmitsNothingWithoutUsage() throws Exception {
        Pipeline pipeline = pipeline("<azure-openai-emit-token-metric><dimension name=\"Operation ID\"/>"
                + "</azure-openai-emit-token-metric>");
        StubBackend backend = new StubBackend();
        PolicyTesting.flow(pipeline, LlmTesting.context(backend, LlmTesting.chat(8, true),
                LlmTesting.events(null, "Hi", " there"), "text/event-stream"));
        String series = "custom.API Management.%s[Operation ID=get-item]";
        assertEquals(8.0, recorded.sum(series.formatted("Total Tokens")), 1e-9,
                "6 estimated prompt tokens, 2 of deltas");
        assertEquals(2.0, recorded.sum(series.formatted("Completion Tokens")), 1e-9);

        backend.status = 500;
        PolicyTesting.flow(pipeline, LlmTesting.context(backend, LlmTesting.chat(8, false), "{\"error\":{}}",
                "application/json"));
        assertEquals(1, recorded.count(series.formatted("Total Tokens")), "an answer without usage emits nothing");
        PolicyTesting.flow(pipeline, LlmTesting.context(backend, LlmTesting.chat(8, true), "{\"error\":{}}",
                "application/json"));
        assertEquals(1, recorded.count(series.formatted("Total Tokens")),
                "a stream asked for but refused with a JSON error is no stream: nothing estimated, nothing emitted");
    }

    @Test
    void theCompilerRefusesWhatEmitMetricRefusesAndAValue() {
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<llm-emit-token-metric/>"))
                .contains("needs 1 to 10 <dimension> elements"));
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<llm-emit-token-metric><dimension name=\"Tenant\"/>"
                + "</llm-emit-token-metric>")).contains("dimension 'Tenant' needs a value"));
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<azure-openai-emit-token-metric value=\"2\">"
                + "<dimension name=\"API ID\"/></azure-openai-emit-token-metric>")).contains("attribute 'value'"));
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<llm-emit-token-metric namespace=\"@(&quot;x&quot;)\">"
                + "<dimension name=\"API ID\"/></llm-emit-token-metric>")).contains("does not take a policy expression"));
        assertTrue(PolicyTesting.compileError(in(Section.OUTBOUND, "<llm-emit-token-metric><dimension name=\"API ID\"/>"
                + "</llm-emit-token-metric>")).contains("outbound"));
    }
}
