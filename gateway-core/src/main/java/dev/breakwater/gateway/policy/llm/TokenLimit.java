package dev.breakwater.gateway.policy.llm;

import dev.breakwater.gateway.policy.limits.CounterKey;
import dev.breakwater.gateway.policy.limits.Gate;
import dev.breakwater.gateway.policy.limits.Gates;
import dev.breakwater.gateway.policy.limits.LimitSpec;
import dev.breakwater.gateway.policy.limits.TokenCounters;
import dev.breakwater.gateway.policy.runtime.BackendResponseHooks;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.ResponseHooks;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.Step;

/**
 * The step of llm-token-limit and azure-openai-token-limit, in inbound. Before the request goes on,
 * each configured limit (the quota first, then tokens-per-minute) must have room: with prompt
 * estimation (estimate-prompt-tokens, or any streamed request, as APIM always estimates those) for
 * the estimated prompt, which is counted at once; without, the window must not be full already
 * (APIM: a request that exceeds the limit is detected in its response and blocks the ones after it).
 * The counters are in the gateway's counter store, passed through as {@link Gates} do: a store that
 * answers later makes the step pending, holding no thread. Once the backend's usage is known (before
 * outbound when its body is buffered, else when it has streamed to the client, see
 * {@link TokenUsage#whenKnown}), the tokens it reports replace the estimate, without waiting for the
 * store; a response that reports none leaves the estimate counted. A refusal fails as an error, so
 * on-error runs with {@code context.LastError}: 429 TokenLimitExceeded over tokens-per-minute, 403
 * TokenQuotaExceeded over the quota, with Retry-After.
 */
public final class TokenLimit implements Step {

    static final String RATE_REASON = "TokenLimitExceeded";
    static final String QUOTA_REASON = "TokenQuotaExceeded";

    private final TokenLimitSpec spec;
    private final TokenCounters counters;
    private final int bodyLimit;

    /** @param bodyLimit the policy body limit: the most of a streaming answer read for its usage at once */
    public TokenLimit(TokenLimitSpec spec, TokenCounters counters, int bodyLimit) {
        this.spec = spec;
        this.counters = counters;
        this.bodyLimit = bodyLimit;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String keyValue = spec.key().get(context);
        String key = keyValue == null ? "" : keyValue;
        Long perMinute = perMinute(context);
        LlmRequest request = LlmRequest.of(context);
        long estimate = spec.estimatePrompt() || request.streaming() ? request.promptEstimate() : 0;

        // the quota first, then the minute: a refusal by the minute gives back what the quota took (Gates)
        CounterKey quotaKey = spec.tokenQuota() == null ? null
                : counters.quota(spec.identity(), spec.quotaPeriod(), key);
        CounterKey minuteKey = perMinute == null ? null : counters.minute(spec.identity(), key);
        Gate[] gates = new Gate[(quotaKey == null ? 0 : 1) + (minuteKey == null ? 0 : 1)];
        if (quotaKey != null) {
            gates[0] = TokenCounters.gate(quotaKey, spec.tokenQuota(), estimate);
        }
        int minuteAt = minuteKey == null ? -1 : gates.length - 1;
        if (minuteKey != null) {
            gates[minuteAt] = TokenCounters.gate(minuteKey, perMinute, estimate);
        }
        return Gates.run(spec.kind(), counters.store(), gates, new Gates.Verdict() {
            @Override
            public Outcome passed(long[] counts, long[] millisToRenewal) {
                TokenCounters.Window quota = quotaKey == null ? null
                        : counters.window(quotaKey, spec.tokenQuota(), counts[0], millisToRenewal[0]);
                TokenCounters.Window minute = minuteKey == null ? null
                        : counters.window(minuteKey, perMinute, counts[minuteAt], millisToRenewal[minuteAt]);
                admitted(context, estimate, minute, quota);
                return Outcome.CONTINUE;
            }

            @Override
            public PolicyException refused(int gate, long millisToRenewal) {
                return gate == minuteAt ? refuse(context, millisToRenewal, 429, RATE_REASON)
                        : refuse(context, millisToRenewal, 403, QUOTA_REASON);
            }
        });
    }

    /** The request is in with its estimate counted: the response's usage corrects it later. */
    private void admitted(PolicyContext context, long estimate, TokenCounters.Window minute,
                          TokenCounters.Window quota) {
        Usage usage = new Usage(estimate);
        if (spec.consumedVariable() != null) {
            context.variables().put(spec.consumedVariable(), clampInt(estimate));
        }
        publishRemaining(context, minute, quota);
        BackendResponseHooks.add(context, response -> {
            boolean beforeOutbound = !response.body().isStream(); // buffered: the usage is known now
            TokenUsage.whenKnown(context, response, bodyLimit,
                    reported -> settle(context, reported, beforeOutbound, usage, minute, quota));
        });
        ResponseHooks.add(context, response -> headers(response, usage, minute, quota));
    }

    /**
     * The backend's usage is known: it replaces the estimate in both windows. Before outbound (a
     * buffered body) the variables say so too; after the body streamed to the client, only the
     * counters change.
     */
    private void settle(PolicyContext context, TokenUsage reported, boolean beforeOutbound, Usage usage,
                        TokenCounters.Window minute, TokenCounters.Window quota) {
        usage.answered = beforeOutbound;
        if (reported == null) {
            return; // nothing reported: the estimate stands
        }
        long correction = reported.total() - usage.consumed;
        usage.consumed = reported.total();
        if (minute != null) {
            minute.correct(correction);
        }
        if (quota != null) {
            quota.correct(correction);
        }
        if (beforeOutbound) {
            if (spec.consumedVariable() != null) {
                context.variables().put(spec.consumedVariable(), clampInt(usage.consumed));
            }
            publishRemaining(context, minute, quota);
        }
    }

    /** On the response the client gets: what is left (as counted now, this request's tokens included) and what it used. */
    private void headers(ResponseMessage response, Usage usage, TokenCounters.Window minute,
                         TokenCounters.Window quota) {
        if (spec.remainingHeader() != null && minute != null) {
            response.headers().set(spec.remainingHeader(), Long.toString(minute.remaining()));
        }
        if (spec.remainingQuotaHeader() != null && quota != null) {
            response.headers().set(spec.remainingQuotaHeader(), Long.toString(quota.remaining()));
        }
        if (spec.consumedHeader() != null && usage.answered) {
            response.headers().set(spec.consumedHeader(), Long.toString(usage.consumed));
        }
    }

    private void publishRemaining(PolicyContext context, TokenCounters.Window minute, TokenCounters.Window quota) {
        if (spec.remainingVariable() != null && minute != null) {
            context.variables().put(spec.remainingVariable(), clampInt(minute.remaining()));
        }
        if (spec.remainingQuotaVariable() != null && quota != null) {
            context.variables().put(spec.remainingQuotaVariable(), clampInt(quota.remaining()));
        }
    }

    /** tokens-per-minute for this request (an expression may give it), or {@code null} without one. */
    private Long perMinute(PolicyContext context) throws PolicyException {
        if (spec.tokensPerMinute() == null) {
            return null;
        }
        Integer value = spec.tokensPerMinute().get(context);
        if (value == null || value < 1) {
            throw new PolicyException(spec.kind(), "ExpressionValueEvaluationFailure", 500,
                    "Attribute 'tokens-per-minute' of " + spec.kind() + " has an invalid value: " + value);
        }
        return value.longValue();
    }

    /** The error of a request over a limit; Retry-After goes on whatever response the client finally gets. */
    private PolicyException refuse(PolicyContext context, long millisToRenewal, int status, String reason) {
        long millis = millisToRenewal == Long.MAX_VALUE ? 60_000 : millisToRenewal;
        long seconds = Math.max(1, (millis + 999) / 1000);
        if (spec.retryAfterVariable() != null) {
            context.variables().put(spec.retryAfterVariable(), clampInt(seconds));
        }
        if (spec.remainingVariable() != null && status == 429) {
            context.variables().put(spec.remainingVariable(), 0);
        }
        if (spec.remainingQuotaVariable() != null && status == 403) {
            context.variables().put(spec.remainingQuotaVariable(), 0);
        }
        ResponseHooks.add(context, response -> {
            response.headers().set(spec.retryAfterHeader(), Long.toString(seconds));
            if (spec.remainingHeader() != null && status == 429) {
                response.headers().set(spec.remainingHeader(), "0");
            }
            if (spec.remainingQuotaHeader() != null && status == 403) {
                response.headers().set(spec.remainingQuotaHeader(), "0");
            }
        });
        String message = status == 429
                ? "Token limit is exceeded. Try again in " + seconds + " seconds."
                : "Token quota is exceeded. Try again in " + LimitSpec.timeSpan(seconds) + ".";
        return new PolicyException(spec.kind(), reason, status, message);
    }

    private static int clampInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    /** What this request has counted so far, and whether the backend's usage was known before outbound. */
    private static final class Usage {
        volatile long consumed;
        volatile boolean answered;

        Usage(long estimate) {
            this.consumed = estimate;
        }
    }
}
