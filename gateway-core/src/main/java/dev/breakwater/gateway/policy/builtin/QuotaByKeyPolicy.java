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
 * (reason QuotaExceeded) that runs on-error. {@code bandwidth} is refused: not built yet.
 */
public final class QuotaByKeyPolicy {

    static final String REASON = "QuotaExceeded";
    /** APIM's default first-period-start. */
    private static final Instant DEFAULT_START = Instant.parse("0001-01-01T00:00:00Z");

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
            if (element.attribute("bandwidth") != null) {
                throw new PolicyCompileException(element, "attribute 'bandwidth' is not supported yet "
                        + "(quota-by-key counts calls only)");
            }
            element.allowAttributes("calls", "renewal-period", "increment-condition", "increment-count", "counter-key",
                    "first-period-start");
            element.forbidText();
            element.allowChildren();
            int calls = whole(element, context.values().requiredLiteral(element, "calls"), "calls", 1);
            int period = whole(element, context.values().requiredLiteral(element, "renewal-period"), "renewal-period", 0);
            if (period != 0 && period < 300) {
                throw new PolicyCompileException(element, "attribute 'renewal-period' must be 0 (no renewal) or at "
                        + "least 300 seconds, as in APIM, not " + period);
            }
            String start = context.values().literal(element, "first-period-start");
            Instant anchor;
            try {
                anchor = start == null ? DEFAULT_START : Instant.parse(start.trim());
            } catch (DateTimeParseException e) {
                throw new PolicyCompileException(element, "attribute 'first-period-start' must be a date-time such as "
                        + "2024-01-01T00:00:00Z, not '" + start + "'");
            }
            LimitSpec spec = new LimitSpec(context.placeKey(), elementName(), LimitAttributes.counterKey(element, context),
                    Value.of(calls), Value.of(period), 0, Integer.MAX_VALUE, anchor.toEpochMilli(),
                    LimitAttributes.condition(element, context), LimitAttributes.incrementCount(element, context),
                    "Retry-After", null, null, null, null, 403, REASON,
                    seconds -> seconds < 0 ? "Out of call volume quota."
                            : "Out of call volume quota. Quota will be replenished in " + LimitSpec.timeSpan(seconds) + ".");
            return new KeyedLimit(spec, context.services().counterStore());
        }

        private static int whole(PolicyElement element, String text, String attribute, int min)
                throws PolicyCompileException {
            try {
                int value = Integer.parseInt(text.trim());
                if (value >= min) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new PolicyCompileException(element, "attribute '" + attribute + "' must be a whole number from "
                    + min + " to " + Integer.MAX_VALUE + ", not '" + text + "'");
        }
    }
}
