package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.metrics.CustomMetrics;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.AliasFactory;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.llm.LlmRequest;
import dev.breakwater.gateway.policy.llm.TokenUsage;
import dev.breakwater.gateway.policy.runtime.BackendResponseHooks;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <llm-emit-token-metric namespace="MyLLM"><dimension name="API ID"/></llm-emit-token-metric>},
 * also registered as {@code <azure-openai-emit-token-metric>}, its older name: when the backend's
 * response is in, adds its {@code usage} to three custom metrics, {@code Total Tokens},
 * {@code Prompt Tokens} and {@code Completion Tokens}, with these dimensions, through the same
 * registry series as emit-metric (see {@link CustomMetrics}). The dimensions are evaluated in
 * inbound, where the policy stands; a default dimension without a value gets emit-metric's value.
 * The usage is read as the backend's body streams to the client, not buffered, and emitted when the
 * exchange ends (see {@link TokenUsage#whenKnown}). A streamed answer without a usage event is
 * estimated; a response that reports no usage (an error) emits nothing.
 */
public final class LlmEmitTokenMetricPolicy implements Step {

    /** The metrics' names, as APIM's. */
    static final String TOTAL = "Total Tokens";
    static final String PROMPT = "Prompt Tokens";
    static final String COMPLETION = "Completion Tokens";

    private final String namespace;
    private final MetricDimensions dimensions;
    private final CustomMetrics metrics;
    private final int bodyLimit;

    private LlmEmitTokenMetricPolicy(String namespace, MetricDimensions dimensions, CustomMetrics metrics, int bodyLimit) {
        this.namespace = namespace;
        this.dimensions = dimensions;
        this.metrics = metrics;
        this.bodyLimit = bodyLimit;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        List<String> values = dimensions.evaluate(context);
        LlmRequest.of(context); // read while the request body is surely there
        BackendResponseHooks.add(context, response -> TokenUsage.whenKnown(context, response, bodyLimit, usage -> {
            if (usage != null) {
                metrics.record(namespace, TOTAL, dimensions.names(), values, usage.total());
                metrics.record(namespace, PROMPT, dimensions.names(), values, usage.prompt());
                metrics.record(namespace, COMPLETION, dimensions.names(), values, usage.completion());
            }
        }));
        return Outcome.CONTINUE;
    }

    /** Registered for {@code <llm-emit-token-metric>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "llm-emit-token-metric";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Set<Trait> traits() {
            return Set.of(Trait.READS_REQUEST_BODY); // the response is read as it streams (TokenUsage)
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return LlmEmitTokenMetricPolicy.compile(element, context);
        }
    }

    /** Registered for {@code <azure-openai-emit-token-metric>}: the same policy under its older name. */
    public static final class AzureOpenAiFactory extends AliasFactory {
        public AzureOpenAiFactory() {
            super("azure-openai-emit-token-metric", new Factory());
        }
    }

    static Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        if (element.attribute("value") != null) {
            // an older APIM page lists it, but the values are the token counts: a value would be ignored
            throw new PolicyCompileException(element, "attribute 'value' is not supported: the metrics' values are "
                    + "the token counts of the response");
        }
        element.allowAttributes("namespace");
        element.allowChildren("dimension");
        element.forbidText();
        String namespace = context.values().literal(element, "namespace");
        return new LlmEmitTokenMetricPolicy(namespace == null || namespace.isBlank() ? "API Management" : namespace,
                MetricDimensions.compile(element, context), context.services().customMetrics(),
                context.services().bodyLimit());
    }
}
