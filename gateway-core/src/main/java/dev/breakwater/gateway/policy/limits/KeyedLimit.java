package dev.breakwater.gateway.policy.limits;

import dev.breakwater.gateway.policy.runtime.ExchangeEndHooks;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.ResponseHooks;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step of rate-limit-by-key and quota-by-key: counters per key value in a {@link CounterStore},
 * checked in inbound ({@link Gates}: no thread held while a store answers). Without
 * increment-condition the call is counted at once, in the same store operation as the check, so a
 * burst cannot slip past the limit. With one, the count waits for the response the client finally
 * gets (a {@link ResponseHooks} hook evaluates the condition on it), as APIM's condition is usually
 * about {@code context.Response.StatusCode}. A bandwidth quota lets a request in while its window's
 * bytes are below the quota and counts the request's and response's body bytes when the exchange
 * ends ({@link ExchangeEndHooks}). A request over the limit fails as an error, so on-error runs with
 * {@code context.LastError} (APIM's RateLimitExceeded / QuotaExceeded). Counters are kept per policy
 * and key value (the policy's identity is its place, stable across revisions): two policies with the
 * same counter-key count apart. A request is counted once per counter even when a policy runs twice
 * for it (inside retry).
 */
public final class KeyedLimit implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedLimit.class);

    private final LimitSpec spec;
    private final CounterStore store;
    private final LimitHeaders headers;

    public KeyedLimit(LimitSpec spec, CounterStore store) {
        this.spec = spec;
        this.store = store;
        this.headers = spec.headers();
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String keyValue = spec.key().get(context);
        long calls = spec.calls() == null ? -1 : positive(context, spec.calls(), "calls", 1);
        long periodSeconds = positive(context, spec.periodSeconds(), "renewal-period", spec.minPeriodSeconds());
        if (periodSeconds > spec.maxPeriodSeconds()) {
            throw invalid("renewal-period", periodSeconds);
        }
        long increment = positive(context, spec.incrementCount(), "increment-count", 0);
        long period = periodSeconds * 1000;
        // a counter belongs to one policy (its identity, stable across revisions) and one key value; the
        // period is part of it too, as a window has one length
        String name = spec.identity() + "|" + periodSeconds + "|" + spec.anchorMillis() + "|"
                + (keyValue == null ? "" : keyValue);
        RequestCounts counted = RequestCounts.of(context);
        CounterKey callsKey = calls < 0 ? null : new CounterKey(name, period, spec.anchorMillis());
        CounterKey bytesKey = spec.bandwidthKilobytes() == null ? null
                : new CounterKey(name + "|bytes", period, spec.anchorMillis());
        Long already = callsKey == null ? null : counted.added(callsKey);
        boolean countNow = spec.condition() == null && already == null;
        Gate[] gates = new Gate[(callsKey == null ? 0 : 1) + (bytesKey == null ? 0 : 1)];
        if (callsKey != null) {
            // a request another run already counted is judged without its own count
            gates[0] = countNow ? new Gate(callsKey, calls, increment, true)
                    : new Gate(callsKey, calls + (already == null ? 0 : already), 0, false);
        }
        if (bytesKey != null) {
            gates[gates.length - 1] = new Gate(bytesKey, spec.bandwidthKilobytes() * 1024, 0, false);
        }
        return Gates.run(spec.kind(), store, gates, new Gates.Verdict() {
            @Override
            public Outcome passed(long[] counts, long[] millisToRenewal) {
                admitted(context, counted, callsKey, bytesKey, countNow, increment);
                if (callsKey != null) {
                    headers.publish(context, calls, Math.max(0, calls - counts[0]));
                }
                return Outcome.CONTINUE;
            }

            @Override
            public PolicyException refused(int gate, long millisToRenewal) {
                long seconds = headers.refused(context, Math.max(calls, 0), millisToRenewal);
                boolean bytes = bytesKey != null && gate == gates.length - 1;
                return new PolicyException(spec.kind(), spec.reason(), spec.status(),
                        bytes ? spec.bandwidthMessages().apply(seconds) : spec.message(seconds));
            }
        });
    }

    /** The request is in: what it adds later (a conditional call, its bytes) is arranged once per counter. */
    private void admitted(PolicyContext context, RequestCounts counted, CounterKey callsKey, CounterKey bytesKey,
                          boolean countNow, long increment) {
        boolean callsLater = callsKey != null && counted.added(callsKey) == null && !countNow;
        boolean bytesLater = bytesKey != null && counted.added(bytesKey) == null;
        if (callsKey != null) {
            counted.counted(callsKey, countNow ? increment : 0L);
        }
        if (bytesKey != null) {
            counted.counted(bytesKey, 0L);
        }
        AtomicBoolean holds = new AtomicBoolean(spec.condition() == null);
        if (spec.condition() != null && (callsLater || bytesLater)) {
            ResponseHooks.add(context, response -> {
                holds.set(conditionHolds(context));
                if (callsLater && holds.get()) {
                    Gates.addLater(spec.kind(), store, callsKey, increment);
                }
            });
        }
        if (bytesLater) {
            ExchangeEndHooks.add(context, (bytesIn, bytesOut) -> {
                if (holds.get()) {
                    Gates.addLater(spec.kind(), store, bytesKey, bytesIn + bytesOut);
                }
            });
        }
    }

    /** increment-condition on the final response; one that fails counts the call (fail closed). */
    private boolean conditionHolds(PolicyContext context) {
        try {
            return Boolean.TRUE.equals(spec.condition().get(context));
        } catch (PolicyException e) {
            LOG.warn("request {}: {} increment-condition failed, the call is counted: {}", context.requestId(),
                    spec.kind(), e.getMessage());
            return true;
        }
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
}
