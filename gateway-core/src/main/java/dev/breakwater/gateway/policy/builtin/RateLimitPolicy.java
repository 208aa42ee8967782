package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Scope;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.limits.LimitHeaders;
import dev.breakwater.gateway.policy.limits.SubscriptionLimit;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <rate-limit calls="5" renewal-period="60">} with optional {@code <api name|id calls
 * renewal-period>} children holding {@code <operation ...>} children: at most {@code calls} calls per
 * subscription in each renewal-period (seconds, 1 to 300), and the same per API and per operation
 * within the subscription. One more fails with 429 "Rate limit is exceeded. Try again in N seconds."
 * and Retry-After, as an error (reason RateLimitExceeded) that runs on-error. APIM allows it in
 * product, API and operation policies; in the global policy it is refused. No attribute takes an
 * expression (APIM's rule). See {@link SubscriptionLimit}.
 */
public final class RateLimitPolicy {

    private static final SubscriptionLimitLevels.Rules RULES = new SubscriptionLimitLevels.Rules(false, 300);

    private RateLimitPolicy() {
    }

    /** APIM's message (rate-limit has no bandwidth, so it is the only one). */
    private static String message(long seconds) {
        return "Rate limit is exceeded. Try again in " + seconds + " seconds.";
    }

    /** Registered for {@code <rate-limit>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "rate-limit";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            if (context.scope() == Scope.GLOBAL) {
                throw new PolicyCompileException(element, "rate-limit counts per subscription and is allowed in "
                        + "product, API and operation policies only (as in APIM), not in the global policy; "
                        + "rate-limit-by-key works there");
            }
            element.allowAttributes("calls", "renewal-period", "retry-after-header-name", "retry-after-variable-name",
                    "remaining-calls-header-name", "remaining-calls-variable-name", "total-calls-header-name");
            element.forbidText();
            LimitHeaders headers = new LimitHeaders(
                    LimitAttributes.headerName(element, context, "retry-after-header-name", "Retry-After"),
                    LimitAttributes.variableName(element, context, "retry-after-variable-name"),
                    LimitAttributes.headerName(element, context, "remaining-calls-header-name", null),
                    LimitAttributes.variableName(element, context, "remaining-calls-variable-name"),
                    LimitAttributes.headerName(element, context, "total-calls-header-name", null));
            return new SubscriptionLimit(context.placeKey(), elementName(),
                    SubscriptionLimitLevels.own(element, context, RULES),
                    SubscriptionLimitLevels.apis(element, context, RULES), false, headers, 429,
                    RateLimitByKeyPolicy.REASON, RateLimitPolicy::message, RateLimitPolicy::message,
                    context.services().counterStore());
        }
    }
}
