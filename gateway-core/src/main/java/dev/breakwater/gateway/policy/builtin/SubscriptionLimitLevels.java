package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.limits.LimitLevel;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the levels of rate-limit and quota: the element's own limit and its {@code <api>} children,
 * each with {@code <operation>} children. APIM's rules: an API or operation is named by {@code id} or
 * {@code name} (with both, the id wins); no attribute takes an expression.
 */
final class SubscriptionLimitLevels {

    /** What one policy allows in its levels. */
    record Rules(boolean bandwidth, int maxPeriodSeconds) {
    }

    private SubscriptionLimitLevels() {
    }

    /** The element's own level (it names nothing). */
    static LimitLevel own(PolicyElement element, CompileContext context, Rules rules) throws PolicyCompileException {
        return level(element, context, rules, null, null, List.of());
    }

    /** The {@code <api>} children, in document order. */
    static List<LimitLevel> apis(PolicyElement element, CompileContext context, Rules rules)
            throws PolicyCompileException {
        element.allowChildren("api");
        List<LimitLevel> apis = new ArrayList<>();
        for (PolicyElement api : element.children("api")) {
            allow(api, rules);
            api.forbidText();
            api.allowChildren("operation");
            List<LimitLevel> operations = new ArrayList<>();
            for (PolicyElement operation : api.children("operation")) {
                allow(operation, rules);
                operation.forbidText();
                operation.allowChildren();
                operations.add(named(operation, context, rules, List.of()));
            }
            apis.add(named(api, context, rules, operations));
        }
        return apis;
    }

    private static void allow(PolicyElement child, Rules rules) throws PolicyCompileException {
        if (rules.bandwidth()) {
            child.allowAttributes("name", "calls", "bandwidth", "renewal-period");
        } else {
            child.allowAttributes("name", "calls", "renewal-period");
        }
    }

    private static LimitLevel named(PolicyElement child, CompileContext context, Rules rules,
                                    List<LimitLevel> operations) throws PolicyCompileException {
        String id = context.values().literal(child, PolicyElement.ID);
        String name = context.values().literal(child, "name");
        if ((id == null || id.isBlank()) && (name == null || name.isBlank())) {
            throw new PolicyCompileException(child, "attribute 'id' or 'name' is required: the "
                    + child.name() + " the limit applies to");
        }
        return id != null && !id.isBlank() ? level(child, context, rules, id.trim(), null, operations)
                : level(child, context, rules, null, name.trim(), operations);
    }

    private static LimitLevel level(PolicyElement element, CompileContext context, Rules rules, String id, String name,
                                    List<LimitLevel> operations) throws PolicyCompileException {
        Integer calls = QuotaAttributes.optionalWhole(element, context, "calls");
        Integer bandwidth = rules.bandwidth() ? QuotaAttributes.optionalWhole(element, context, "bandwidth") : null;
        if (calls == null && bandwidth == null) {
            throw new PolicyCompileException(element, rules.bandwidth()
                    ? "attribute 'calls' or 'bandwidth' (or both) is required" : "attribute 'calls' is required");
        }
        int period = QuotaAttributes.whole(element, context.values().requiredLiteral(element, "renewal-period"),
                "renewal-period", rules.bandwidth() ? 0 : 1);
        if (period > rules.maxPeriodSeconds()) {
            throw new PolicyCompileException(element, "attribute 'renewal-period' must be at most "
                    + rules.maxPeriodSeconds() + " seconds, as in APIM, not " + period);
        }
        return new LimitLevel(id, name, calls == null ? -1 : calls, bandwidth == null ? -1 : bandwidth, period,
                operations);
    }
}
