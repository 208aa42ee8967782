package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.limits.KeyedLimit;
import dev.breakwater.gateway.policy.limits.LimitSpec;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <quota-by-key calls="10000" renewal-period="3600" counter-key="@(...)"/>}: at most {@code calls}
 * calls per key value in fixed windows of renewal-period seconds counted from first-period-start
 * (default 0001-01-01T00:00:00Z; renewal-period 0: one window for ever). One more fails with 403
 * "Out of call volume quota. Quota will be replenished in hh:mm:ss." and Retry-After, as an error
 * (reason QuotaExceeded) that runs on-error. {@code bandwidth} (kilobytes of 1,024 bytes per window,
 * counting the request body read and the response body written) lets a request in while the window's
 * bytes are below it; over it: "Out of bandwidth quota. ...".
 */
public final class QuotaByKeyPolicy {

    static final String REASON = QuotaAttributes.REASON;

    private QuotaByKeyPolicy() {
    }

    /** Registered for {@code <quota-by-key>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "quota-by-key";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("calls", "bandwidth", "renewal-period", "increment-condition", "increment-count",
                    "counter-key", "first-period-start");
            element.forbidText();
            element.allowChildren();
            Integer calls = QuotaAttributes.optionalWhole(element, context, "calls");
            Integer bandwidth = QuotaAttributes.optionalWhole(element, context, "bandwidth");
            if (calls == null && bandwidth == null) {
                throw new PolicyCompileException(element, "attribute 'calls' or 'bandwidth' (or both) is required");
            }
            int period = QuotaAttributes.whole(element, context.values().requiredLiteral(element, "renewal-period"),
                    "renewal-period", 0);
            if (period != 0 && period < 300) {
                throw new PolicyCompileException(element, "attribute 'renewal-period' must be 0 (no renewal) or at "
                        + "least 300 seconds, as in APIM, not " + period);
            }
            String start = context.values().literal(element, "first-period-start");
            long anchor;
            try {
                anchor = start == null ? LimitSpec.DEFAULT_FIRST_PERIOD_START
                        : Instant.parse(start.trim()).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new PolicyCompileException(element, "attribute 'first-period-start' must be a date-time such as "
                        + "2024-01-01T00:00:00Z, not '" + start + "'");
            }
            LimitSpec spec = new LimitSpec(context.placeKey(), elementName(), LimitAttributes.counterKey(element, context),
                    calls == null ? null : Value.of(calls), Value.of(period), 0, Integer.MAX_VALUE, anchor,
                    LimitAttributes.condition(element, context), LimitAttributes.incrementCount(element, context),
                    "Retry-After", null, null, null, null, 403, REASON,
                    QuotaAttributes::callsMessage, bandwidth == null ? null : bandwidth.longValue(),
                    QuotaAttributes::bandwidthMessage);
            return new KeyedLimit(spec, context.services().counterStore());
        }
    }
}
