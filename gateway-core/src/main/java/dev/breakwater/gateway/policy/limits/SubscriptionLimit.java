package dev.breakwater.gateway.policy.limits;

import dev.breakwater.gateway.policy.runtime.ExchangeEndHooks;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.RouteInfo;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.subscription.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The step of rate-limit and quota: counters per subscription ({@code context.Subscription}, from
 * {@link PolicyContext#caller()}), per policy (its place, stable across revisions) and per level:
 * the policy's own limit, and the limits of the {@code <api>} and {@code <operation>} children that
 * name the request's API and operation, each counted apart. A call is counted under every level it
 * passes; a level that is full refuses it, and what the levels before counted is given back. Calls
 * without a subscription all count under one shared counter per policy and level (the limit never
 * opens for them). Bandwidth levels count the request's and response's body bytes when the exchange
 * ends. Quota windows start on the subscription's start (or creation) time, as APIM's do; rate-limit
 * windows at a counter's first call.
 */
public final class SubscriptionLimit implements Step {


    private final String identity;
    private final String kind;
    private final LimitLevel top;
    private final List<LimitLevel> apis;
    private final boolean anchoredToSubscription;
    private final LimitHeaders headers;
    private final int status;
    private final String reason;
    private final LongFunction<String> callsMessages;
    private final LongFunction<String> bandwidthMessages;
    private final CounterStore store;

    /**
     * @param identity               the policy's place ({@code CompileContext.placeKey()})
     * @param kind                   the element name, also the error's source
     * @param top                    the policy's own limit
     * @param apis                   its {@code <api>} children, in document order (the first that names the API applies)
     * @param anchoredToSubscription quota: windows start at the subscription's start; else at first use
     * @param callsMessages          a refusal's message for calls, from the seconds to renewal ({@code -1}: never)
     * @param bandwidthMessages      the same for bandwidth
     */
    public SubscriptionLimit(String identity, String kind, LimitLevel top, List<LimitLevel> apis,
                             boolean anchoredToSubscription, LimitHeaders headers, int status, String reason,
                             LongFunction<String> callsMessages, LongFunction<String> bandwidthMessages,
                             CounterStore store) {
        this.identity = identity;
        this.kind = kind;
        this.top = top;
        this.apis = List.copyOf(apis);
        this.anchoredToSubscription = anchoredToSubscription;
        this.headers = headers;
        this.status = status;
        this.reason = reason;
        this.callsMessages = callsMessages;
        this.bandwidthMessages = bandwidthMessages;
        this.store = store;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        Subscription subscription = context.caller().subscription();
        // ids of subscriptions are prefixed, so no subscription can share the anonymous counter
        String subject = subscription == null ? "anonymous" : "sub:" + subscription.id();
        Long anchor = anchoredToSubscription ? anchorOf(subscription) : null;
        RequestCounts counted = RequestCounts.of(context);
        List<Gate> gates = new ArrayList<>(6);
        List<LimitLevel> levels = new ArrayList<>(6); // the level of each gate
        BitSet bytes = new BitSet(); // the gates that count bytes
        addGates(gates, levels, bytes, counted, top, "", subject, anchor);
        RouteInfo route = context.route();
        if (route != null) {
            for (LimitLevel api : apis) {
                if (api.names(route.apiId(), route.apiName())) {
                    String apiTag = "api:" + route.apiId();
                    addGates(gates, levels, bytes, counted, api, apiTag, subject, anchor);
                    for (LimitLevel operation : api.operations()) {
                        if (route.operationId() != null && operation.names(route.operationId(), route.operationName())) {
                            addGates(gates, levels, bytes, counted, operation, apiTag + "|op:" + route.operationId(), subject,
                                    anchor);
                            break;
                        }
                    }
                    break;
                }
            }
        }
        Gate[] all = gates.toArray(new Gate[0]);
        return Gates.run(kind, store, all, new Gates.Verdict() {
            @Override
            public Outcome passed(long[] counts, long[] millisToRenewal) {
                admitted(context, counted, all, levels, bytes, counts);
                return Outcome.CONTINUE;
            }

            @Override
            public PolicyException refused(int gate, long millisToRenewal) {
                boolean overBandwidth = bytes.get(gate);
                long seconds = headers.refused(context, overBandwidth ? 0 : levels.get(gate).calls(), millisToRenewal);
                return new PolicyException(kind, reason, status,
                        overBandwidth ? bandwidthMessages.apply(seconds) : callsMessages.apply(seconds));
            }
        });
    }

    /** The gates of one level: its calls (counted now, once per request), its bytes (read now, counted at the end). */
    private void addGates(List<Gate> gates, List<LimitLevel> levels, BitSet bytes, RequestCounts counted,
                          LimitLevel level, String tag, String subject, Long anchor) {
        String name = identity + "|" + tag + "|" + level.periodSeconds() + "|" + anchor + "|" + subject;
        long period = level.periodSeconds() * 1000;
        if (level.calls() > 0) {
            CounterKey key = new CounterKey(name, period, anchor);
            Long already = counted.added(key);
            gates.add(already == null ? new Gate(key, level.calls(), 1, true)
                    : new Gate(key, level.calls() + already, 0, false));
            levels.add(level);
        }
        if (level.bandwidthKilobytes() > 0) {
            bytes.set(gates.size());
            gates.add(new Gate(new CounterKey(name + "|bytes", period, anchor), level.bandwidthKilobytes() * 1024, 0,
                    false));
            levels.add(level);
        }
    }

    /** Records what was counted, arranges the bytes to be counted at the end, and tells the tightest remaining calls. */
    private void admitted(PolicyContext context, RequestCounts counted, Gate[] gates, List<LimitLevel> levels,
                          BitSet bytes, long[] counts) {
        long tightest = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < gates.length; i++) {
            Gate gate = gates[i];
            boolean first = counted.added(gate.counter()) == null;
            counted.counted(gate.counter(), gate.amount());
            if (bytes.get(i)) {
                if (first) {
                    CounterKey key = gate.counter();
                    ExchangeEndHooks.add(context, (bytesIn, bytesOut) -> Gates.addLater(kind, store, key,
                            bytesIn + bytesOut));
                }
                continue;
            }
            long calls = levels.get(i).calls();
            long remaining = Math.max(0, calls - counts[i]);
            if (remaining < tightest) {
                tightest = remaining;
                total = calls;
            }
        }
        if (tightest != Long.MAX_VALUE) {
            headers.publish(context, total, tightest);
        }
    }

    /** Where a subscription's quota windows start: its start date, else its creation, else APIM's default. */
    private static long anchorOf(Subscription subscription) {
        if (subscription == null) {
            return LimitSpec.DEFAULT_FIRST_PERIOD_START;
        }
        Instant start = subscription.startDate() != null ? subscription.startDate() : subscription.createdDate();
        return start == null ? LimitSpec.DEFAULT_FIRST_PERIOD_START : start.toEpochMilli();
    }
}
