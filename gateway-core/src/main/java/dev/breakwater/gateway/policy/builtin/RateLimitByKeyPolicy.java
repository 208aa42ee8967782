package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.limits.KeyedLimit;
import dev.breakwater.gateway.policy.limits.LimitSpec;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <rate-limit-by-key calls="3" renewal-period="60" counter-key="@(...)"/>}: at most {@code calls}
 * calls per key value in each renewal-period (seconds, at most 300 as in APIM). One more fails with
 * 429 "Rate limit is exceeded. Try again in N seconds." and a Retry-After header, as an error
 * (reason RateLimitExceeded) that runs on-error. Windows are fixed, starting at the key's first call
 * (see {@link dev.breakwater.gateway.policy.limits.KeyedCounters}).
 */
public final class RateLimitByKeyPolicy {

    static final String REASON = "RateLimitExceeded";

    private RateLimitByKeyPolicy() {
    }

    /** Registered for {@code <rate-limit-by-key>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "rate-limit-by-key";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("calls", "renewal-period", "increment-condition", "increment-count", "counter-key",
                    "retry-after-header-name", "retry-after-variable-name", "remaining-calls-header-name",
                    "remaining-calls-variable-name", "total-calls-header-name");
            element.forbidText();
            element.allowChildren();
            LimitSpec spec = new LimitSpec(context.placeKey(), elementName(), LimitAttributes.counterKey(element, context),
                    LimitAttributes.required(element, context, "calls", 1, Integer.MAX_VALUE),
                    LimitAttributes.required(element, context, "renewal-period", 1, 300), 1, 300, null,
                    LimitAttributes.condition(element, context), LimitAttributes.incrementCount(element, context),
                    LimitAttributes.headerName(element, context, "retry-after-header-name", "Retry-After"),
                    LimitAttributes.variableName(element, context, "retry-after-variable-name"),
                    LimitAttributes.headerName(element, context, "remaining-calls-header-name", null),
                    LimitAttributes.variableName(element, context, "remaining-calls-variable-name"),
                    LimitAttributes.headerName(element, context, "total-calls-header-name", null),
                    429, REASON, seconds -> "Rate limit is exceeded. Try again in " + seconds + " seconds.");
            return new KeyedLimit(spec, context.services().counterStore());
        }
    }
}
