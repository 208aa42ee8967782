package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.AliasFactory;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.limits.TokenCounters;
import dev.breakwater.gateway.policy.limits.TokenQuotaPeriod;
import dev.breakwater.gateway.policy.llm.TokenLimit;
import dev.breakwater.gateway.policy.llm.TokenLimitSpec;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="5000"
 * token-quota="100000" token-quota-period="Daily" estimate-prompt-tokens="true"/>}, also registered
 * as {@code <azure-openai-token-limit>}, its older name: at most tokens-per-minute tokens (prompt and
 * completion) per key value per minute, and/or token-quota per calendar period. Over the rate: 429,
 * over the quota: 403, with Retry-After, through on-error (see {@link TokenLimit}). The policy reads
 * the request body (to estimate the prompt and see {@code "stream": true}), so the gateway buffers it,
 * within {@code policy.body.max.bytes}; the backend's {@code usage} is read as its body streams to the
 * client, not buffered (see {@link dev.breakwater.gateway.policy.llm.TokenUsage#whenKnown}).
 */
public final class LlmTokenLimitPolicy {

    private LlmTokenLimitPolicy() {
    }

    /** Registered for {@code <llm-token-limit>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "llm-token-limit";
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
            return LlmTokenLimitPolicy.compile(element.name(), element, context); // the alias's name too
        }
    }

    /** Registered for {@code <azure-openai-token-limit>}: the same policy under its older name. */
    public static final class AzureOpenAiFactory extends AliasFactory {
        public AzureOpenAiFactory() {
            super("azure-openai-token-limit", new Factory());
        }
    }

    static Step compile(String kind, PolicyElement element, CompileContext context) throws PolicyCompileException {
        element.allowAttributes("counter-key", "tokens-per-minute", "token-quota", "token-quota-period",
                "estimate-prompt-tokens", "retry-after-header-name", "retry-after-variable-name",
                "remaining-quota-tokens-header-name", "remaining-quota-tokens-variable-name",
                "remaining-tokens-header-name", "remaining-tokens-variable-name", "tokens-consumed-header-name",
                "tokens-consumed-variable-name");
        element.forbidText();
        element.allowChildren();
        Value<Integer> perMinute = element.attribute("tokens-per-minute") == null ? null
                : context.values().integer(element, "tokens-per-minute", 0, 1, Integer.MAX_VALUE);
        Long quota = quota(element, context);
        String periodText = context.values().literal(element, "token-quota-period");
        TokenQuotaPeriod period = periodText == null ? null : TokenQuotaPeriod.parse(periodText);
        if (periodText != null && period == null) {
            throw new PolicyCompileException(element, "attribute 'token-quota-period' must be Hourly, Daily, Weekly, "
                    + "Monthly or Yearly, not '" + periodText + "'");
        }
        if ((quota == null) != (period == null)) {
            throw new PolicyCompileException(element, "attributes 'token-quota' and 'token-quota-period' go together: "
                    + "give both or neither");
        }
        if (perMinute == null && quota == null) {
            throw new PolicyCompileException(element, "needs 'tokens-per-minute', or 'token-quota' with "
                    + "'token-quota-period', or both");
        }
        TokenLimitSpec spec = new TokenLimitSpec(context.placeKey(), kind, LimitAttributes.counterKey(element, context),
                perMinute, quota, period, estimate(element, context),
                LimitAttributes.headerName(element, context, "retry-after-header-name", "Retry-After"),
                LimitAttributes.variableName(element, context, "retry-after-variable-name"),
                LimitAttributes.headerName(element, context, "remaining-quota-tokens-header-name", null),
                LimitAttributes.variableName(element, context, "remaining-quota-tokens-variable-name"),
                LimitAttributes.headerName(element, context, "remaining-tokens-header-name", null),
                LimitAttributes.variableName(element, context, "remaining-tokens-variable-name"),
                LimitAttributes.headerName(element, context, "tokens-consumed-header-name", null),
                LimitAttributes.variableName(element, context, "tokens-consumed-variable-name"));
        return new TokenLimit(spec, new TokenCounters(context.services().counterStore(), context.services().clock()),
                context.services().bodyLimit());
    }

    /** token-quota: a whole number, no expression (as APIM says). */
    private static Long quota(PolicyElement element, CompileContext context) throws PolicyCompileException {
        String text = context.values().literal(element, "token-quota");
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new PolicyCompileException(element, "attribute 'token-quota' must be a whole number from 1, not '"
                + text + "'");
    }

    /** estimate-prompt-tokens: required in APIM, true or false. */
    private static boolean estimate(PolicyElement element, CompileContext context) throws PolicyCompileException {
        String text = context.values().requiredLiteral(element, "estimate-prompt-tokens").trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
        }
        throw new PolicyCompileException(element, "attribute 'estimate-prompt-tokens' must be true or false, not '"
                + text + "'");
    }
}
