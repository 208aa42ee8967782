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
 * {@code <quota calls="10000" bandwidth="40000" renewal-period="3600">} with optional {@code <api
 * name|id calls bandwidth renewal-period>} children holding {@code <operation ...>} children: per
 * subscription, at most {@code calls} calls and {@code bandwidth} kilobytes (1,024 bytes of request
 * and response body) per window of renewal-period seconds (0: one window for ever), windows counted
 * from the subscription's start; the same per API and per operation within it. Over it: 403 "Out of
 * call volume quota. ..." or "Out of bandwidth quota. ..." with Retry-After, as an error (reason
 * QuotaExceeded) that runs on-error. APIM allows it in product policies only: elsewhere it is
 * refused. No attribute takes an expression. See {@link SubscriptionLimit}.
 */
public final class QuotaPolicy {

    private static final SubscriptionLimitLevels.Rules RULES = new SubscriptionLimitLevels.Rules(true, Integer.MAX_VALUE);

    private QuotaPolicy() {
    }

    /** Registered for {@code <quota>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "quota";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            if (context.scope() != Scope.PRODUCT) {
                throw new PolicyCompileException(element, "quota is allowed in product policies only (as in APIM), "
                        + "not in the " + context.scope().label() + " policy; quota-by-key works there");
            }
            element.allowAttributes("calls", "bandwidth", "renewal-period");
            element.forbidText();
            return new SubscriptionLimit(context.placeKey(), elementName(),
                    SubscriptionLimitLevels.own(element, context, RULES),
                    SubscriptionLimitLevels.apis(element, context, RULES), true,
                    new LimitHeaders("Retry-After", null, null, null, null), 403, QuotaAttributes.REASON,
                    QuotaAttributes::callsMessage, QuotaAttributes::bandwidthMessage, context.services().counterStore());
        }
    }
}
