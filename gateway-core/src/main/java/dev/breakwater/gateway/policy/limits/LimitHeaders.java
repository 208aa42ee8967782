package dev.breakwater.gateway.policy.limits;

import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.ResponseHooks;

/**
 * What a limit tells the caller besides its verdict: Retry-After, the remaining and total calls, as
 * headers on whatever response the client finally gets and as variables set at once (so on-error
 * can read them). Any name may be {@code null}: not told.
 *
 * @param retryAfterHeader   the header of the seconds to wait (APIM's default {@code Retry-After})
 * @param retryAfterVariable retry-after-variable-name
 * @param remainingHeader    remaining-calls-header-name
 * @param remainingVariable  remaining-calls-variable-name
 * @param totalHeader        total-calls-header-name
 */
public record LimitHeaders(String retryAfterHeader, String retryAfterVariable, String remainingHeader,
                           String remainingVariable, String totalHeader) {

    /** Tells the remaining calls of a window of {@code calls}. */
    public void publish(PolicyContext context, long calls, long remaining) {
        if (remainingVariable != null) {
            context.variables().put(remainingVariable, (int) Math.min(Integer.MAX_VALUE, remaining));
        }
        if (remainingHeader != null || totalHeader != null) {
            ResponseHooks.add(context, response -> {
                if (remainingHeader != null) {
                    response.headers().set(remainingHeader, Long.toString(remaining));
                }
                if (totalHeader != null) {
                    response.headers().set(totalHeader, Long.toString(calls));
                }
            });
        }
    }

    /**
     * Tells a refused caller when to come back, and that no calls remain.
     *
     * @return the seconds to wait, rounded up (at least 1), or {@code -1} for a window that never ends
     */
    public long refused(PolicyContext context, long calls, long millisToRenewal) {
        boolean renews = millisToRenewal != Long.MAX_VALUE;
        long seconds = renews ? Math.max(1, (millisToRenewal + 999) / 1000) : -1;
        if (renews && retryAfterVariable != null) {
            context.variables().put(retryAfterVariable, (int) Math.min(Integer.MAX_VALUE, seconds));
        }
        publish(context, calls, 0);
        if (renews && retryAfterHeader != null) {
            ResponseHooks.add(context, response -> response.headers().set(retryAfterHeader, Long.toString(seconds)));
        }
        return seconds;
    }
}
