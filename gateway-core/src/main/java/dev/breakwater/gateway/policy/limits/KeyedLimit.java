package dev.breakwater.gateway.policy.limits;

import dev.breakwater.gateway.policy.runtime.ContextKey;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.ResponseHooks;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step of rate-limit-by-key and quota-by-key: one counter per key value (see {@link KeyedCounters}),
 * checked in inbound. Without increment-condition the call is counted at once, in the same step as the
 * check, so a burst cannot slip past the limit. With one, the count waits for the response the client
 * finally gets (a {@link ResponseHooks} hook evaluates the condition on it), as APIM's condition is
 * usually about {@code context.Response.StatusCode}. A request over the limit fails as an error, so
 * on-error runs with {@code context.LastError} (APIM's RateLimitExceeded / QuotaExceeded).
 * Counters are kept per policy and key value, as the issue asks (the policy's identity is its place,
 * stable across revisions): two policies with the same counter-key count apart. A request is
 * counted once per counter even when a policy runs twice for it (inside retry).
 */
public final class KeyedLimit implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedLimit.class);
    private static final ContextKey<CountedKeys> COUNTED = new ContextKey<>("limits-counted", CountedKeys.class);

    private final LimitSpec spec;
    private final KeyedCounters counters;

    public KeyedLimit(LimitSpec spec, KeyedCounters counters) {
        this.spec = spec;
        this.counters = counters;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String keyValue = spec.key().get(context);
        long calls = positive(context, spec.calls(), "calls", 1);
        long periodSeconds = positive(context, spec.periodSeconds(), "renewal-period", spec.minPeriodSeconds());
        if (periodSeconds > spec.maxPeriodSeconds()) {
            throw invalid("renewal-period", periodSeconds);
        }
        long increment = positive(context, spec.incrementCount(), "increment-count", 0);
        long period = periodSeconds * 1000;
        // a counter belongs to one policy (its identity, stable across revisions) and one key value; the
        // period is part of it too, as a window has one length
        String counterKey = spec.identity() + "|" + periodSeconds + "|" + spec.anchorMillis() + "|"
                + (keyValue == null ? "" : keyValue);
        KeyedCounters.Window window = counters.counter(counterKey, period, spec.anchorMillis());
        long now = counters.clock().millis();
        if (window == null) {
            throw refuse(context, calls, period == 0 ? Long.MAX_VALUE : period);
        }
        CountedKeys counted = context.get(COUNTED);
        if (counted == null) {
            counted = new CountedKeys();
            context.put(COUNTED, counted);
        }
        Long already = counted.keys.get(counterKey);
        boolean countNow = spec.condition() == null && already == null;
        long count;
        if (countNow) {
            count = window.tryAdd(now, calls, increment);
            if (count < 0) {
                throw refuse(context, calls, window.millisToRenewal(now));
            }
        } else {
            // a request another policy already counted is judged without its own count
            count = window.count(now);
            if (count - (already == null ? 0 : already) >= calls) {
                throw refuse(context, calls, window.millisToRenewal(now));
            }
            if (spec.condition() != null && already == null) {
                ResponseHooks.add(context, response -> countIf(context, window, increment));
            }
        }
        if (already == null) {
            counted.keys.put(counterKey, countNow ? increment : 0L);
        }
        long remaining = Math.max(0, calls - count);
        publish(context, calls, remaining);
        return Outcome.CONTINUE;
    }

    /** After the response: counts the call if increment-condition holds; a condition that fails counts (fail closed). */
    private void countIf(PolicyContext context, KeyedCounters.Window window, long increment) {
        boolean holds;
        try {
            holds = Boolean.TRUE.equals(spec.condition().get(context));
        } catch (PolicyException e) {
            LOG.warn("request {}: {} increment-condition failed, the call is counted: {}", context.requestId(),
                    spec.kind(), e.getMessage());
            holds = true;
        }
        if (holds) {
            window.add(counters.clock().millis(), increment);
        }
    }

    private void publish(PolicyContext context, long calls, long remaining) {
        if (spec.remainingVariable() != null) {
            context.variables().put(spec.remainingVariable(), (int) Math.min(Integer.MAX_VALUE, remaining));
        }
        if (spec.remainingHeader() != null || spec.totalHeader() != null) {
            ResponseHooks.add(context, response -> {
                if (spec.remainingHeader() != null) {
                    response.headers().set(spec.remainingHeader(), Long.toString(remaining));
                }
                if (spec.totalHeader() != null) {
                    response.headers().set(spec.totalHeader(), Long.toString(calls));
                }
            });
        }
    }

    /** The error of a request over the limit; Retry-After goes on whatever response the client finally gets. */
    private PolicyException refuse(PolicyContext context, long calls, long millisToRenewal) {
        boolean renews = millisToRenewal != Long.MAX_VALUE;
        long seconds = renews ? Math.max(1, (millisToRenewal + 999) / 1000) : -1;
        if (renews && spec.retryAfterVariable() != null) {
            context.variables().put(spec.retryAfterVariable(), (int) Math.min(Integer.MAX_VALUE, seconds));
        }
        publish(context, calls, 0);
        if (renews && spec.retryAfterHeader() != null) {
            ResponseHooks.add(context, response -> response.headers().set(spec.retryAfterHeader(),
                    Long.toString(seconds)));
        }
        return new PolicyException(spec.kind(), spec.reason(), spec.status(), spec.message(seconds));
    }

    private long positive(PolicyContext context, Value<Integer> value, String attribute, long min)
            throws PolicyException {
        Integer got = value.get(context);
        if (got == null || got < min) {
            throw invalid(attribute, got);
        }
        return got;
    }

    private PolicyException invalid(String attribute, Object got) {
        return new PolicyException(spec.kind(), "ExpressionValueEvaluationFailure", 500,
                "Attribute '" + attribute + "' of " + spec.kind() + " has an invalid value: " + got);
    }

    /** The counter keys this request has been counted under, with what it added to each now. */
    private static final class CountedKeys {
        final Map<String, Long> keys = new HashMap<>(2);
    }
}
