package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.limits.LimitSpec;
import dev.breakwater.gateway.policy.xml.PolicyElement;

/**
 * What quota and quota-by-key share: whole-number attributes without expressions (APIM's rule for
 * calls, bandwidth and renewal-period, and for limit-concurrency's max-count), and APIM's messages
 * for a call over the quota.
 */
final class QuotaAttributes {

    static final String REASON = "QuotaExceeded";

    private QuotaAttributes() {
    }

    /** A whole number from 1, no expression, or {@code null} when absent. */
    static Integer optionalWhole(PolicyElement element, CompileContext context, String attribute)
            throws PolicyCompileException {
        String text = context.values().literal(element, attribute);
        return text == null ? null : whole(element, text, attribute, 1);
    }

    static int whole(PolicyElement element, String text, String attribute, int min) throws PolicyCompileException {
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

    /** APIM's message when the calls are used up, from the seconds to renewal ({@code -1}: never). */
    static String callsMessage(long seconds) {
        return seconds < 0 ? "Out of call volume quota."
                : "Out of call volume quota. Quota will be replenished in " + LimitSpec.timeSpan(seconds) + ".";
    }

    /** APIM's message when the bandwidth is used up. */
    static String bandwidthMessage(long seconds) {
        return seconds < 0 ? "Out of bandwidth quota."
                : "Out of bandwidth quota. Quota will be replenished in " + LimitSpec.timeSpan(seconds) + ".";
    }
}
