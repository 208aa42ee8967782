package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.concurrency.ConcurrencyLimits;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Steps;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <limit-concurrency key="@(...)" max-count="3">policies</limit-concurrency>}: at most
 * {@code max-count} requests run the enclosed policies at once per key; one more fails at once with
 * 429 (APIM: "new requests will fail immediately"), as an error that runs on-error, like rate-limit's.
 * The slot is held until the enclosed policies are done, a forward-request inside included (until the
 * backend's response head is back), and released exactly once whatever ends them: success, an error,
 * a return-response.
 */
public final class LimitConcurrencyPolicy implements Step {

    static final String REASON = "ConcurrencyLimitExceeded";

    private final Value<String> key;
    private final int maxCount;
    private final Step[] children;
    private final ConcurrencyLimits limits;

    private LimitConcurrencyPolicy(Value<String> key, int maxCount, Step[] children, ConcurrencyLimits limits) {
        this.key = key;
        this.maxCount = maxCount;
        this.children = children;
        this.limits = limits;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String name = key.get(context);
        ConcurrencyLimits.Slot slot = limits.tryAcquire(name == null ? "" : name, maxCount);
        if (slot == null) {
            throw new PolicyException("limit-concurrency", REASON, 429, "Concurrency limit is exceeded");
        }
        boolean handedOver = false;
        try {
            Outcome outcome = Steps.run(children, context);
            if (!outcome.isPending()) {
                return outcome;
            }
            // the stage that goes on completes only after the release: what follows the policy never sees
            // the slot still taken
            Outcome waiting = Outcome.pending(outcome.stage().whenComplete((settled, failure) -> slot.release()));
            handedOver = true;
            return waiting;
        } finally {
            if (!handedOver) {
                slot.release();
            }
        }
    }

    /** Registered for {@code <limit-concurrency>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "limit-concurrency";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            for (String queueing : new String[] {"timeout", "max-queue-length"}) {
                if (element.attribute(queueing) != null) {
                    throw new PolicyCompileException(element, "attribute '" + queueing + "' is not supported yet "
                            + "(requests over max-count get 429 at once, as APIM documents)");
                }
            }
            element.allowAttributes("key", "max-count");
            element.forbidText();
            Value<String> key = context.values().requiredString(element, "key");
            int maxCount = QuotaAttributes.whole(element, context.values().requiredLiteral(element, "max-count"),
                    "max-count", 1);
            Step[] children = context.compileChildren(element.children());
            return new LimitConcurrencyPolicy(key, maxCount, children, context.services().concurrencyLimits());
        }
    }
}
