package dev.breakwater.gateway.policy.llm;

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
 * When the backend's response is in, the tokens it reports in {@code usage} replace the estimate
 * (see {@link TokenUsage}); a response that reports none leaves the estimate counted. A refusal
 * fails as an error, so on-error runs with {@code context.LastError}: 429 TokenLimitExceeded over
 * tokens-per-minute, 403 TokenQuotaExceeded over the quota, with Retry-After.
 */
public final class TokenLimit implements Step {

    static final String RATE_REASON = "TokenLimitExceeded";
    static final String QUOTA_REASON = "TokenQuotaExceeded";

    private final TokenLimitSpec spec;
    private final TokenCounters counters;

    public TokenLimit(TokenLimitSpec spec, TokenCounters counters) {
        this.spec = spec;
        this.counters = counters;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String keyValue = spec.key().get(context);
        String key = keyValue == null ? "" : keyValue;
        Long perMinute = perMinute(context);
        LlmRequest request = LlmRequest.of(context);
        long estimate = spec.estimatePrompt() || request.streaming() ? request.promptEstimate() : 0;

        TokenCounters.Window quota = null;
        if (spec.tokenQuota() != null) {
            quota = counters.quota(spec.identity(), spec.quotaPeriod(), key);
            if (quota == null || !quota.tryTake(spec.tokenQuota(), estimate)) {
                throw refuse(context, quota, 403, QUOTA_REASON);
            }
        }
        TokenCounters.Window minute = null;
        if (perMinute != null) {
            minute = counters.minute(spec.identity(), key);
            if (minute == null || !minute.tryTake(perMinute, estimate)) {
                if (quota != null) {
                    quota.add(-estimate); // refused: what the quota took for it is given back
                }
                throw refuse(context, minute, 429, RATE_REASON);
            }
        }
        Usage usage = new Usage(estimate);
        if (spec.consumedVariable() != null) {
            context.variables().put(spec.consumedVariable(), clampInt(estimate));
        }
        publishRemaining(context, perMinute, minute, quota);
        TokenCounters.Window counted = minute;
        TokenCounters.Window countedQuota = quota;
        BackendResponseHooks.add(context, response -> settle(context, response, usage, perMinute, counted, countedQuota));
        ResponseHooks.add(context, response -> headers(response, usage, perMinute, counted, countedQuota));
        return Outcome.CONTINUE;
    }

    /** The backend answered: what it reports replaces the estimate in both windows. */
    private void settle(PolicyContext context, ResponseMessage response, Usage usage, Long perMinute,
                        TokenCounters.Window minute, TokenCounters.Window quota) {
        TokenUsage reported = TokenUsage.of(context, response);
        usage.answered = true;
        if (reported == null) {
            return; // nothing reported: the estimate stands
        }
        long correction = reported.total() - usage.consumed;
        usage.consumed = reported.total();
        if (minute != null) {
            minute.add(correction);
        }
        if (quota != null) {
            quota.add(correction);
        }
        if (spec.consumedVariable() != null) {
            context.variables().put(spec.consumedVariable(), clampInt(usage.consumed));
        }
        publishRemaining(context, perMinute, minute, quota);
    }

    /** On the response the client gets: what is left (as counted now, this request's tokens included) and what it used. */
    private void headers(ResponseMessage response, Usage usage, Long perMinute, TokenCounters.Window minute,
                         TokenCounters.Window quota) {
        if (spec.remainingHeader() != null && minute != null) {
            response.headers().set(spec.remainingHeader(), Long.toString(Math.max(0, perMinute - minute.count())));
        }
        if (spec.remainingQuotaHeader() != null && quota != null) {
            response.headers().set(spec.remainingQuotaHeader(),
                    Long.toString(Math.max(0, spec.tokenQuota() - quota.count())));
        }
        if (spec.consumedHeader() != null && usage.answered) {
            response.headers().set(spec.consumedHeader(), Long.toString(usage.consumed));
        }
    }

    private void publishRemaining(PolicyContext context, Long perMinute, TokenCounters.Window minute,
                                  TokenCounters.Window quota) {
        if (spec.remainingVariable() != null && minute != null) {
            context.variables().put(spec.remainingVariable(), clampInt(Math.max(0, perMinute - minute.count())));
        }
        if (spec.remainingQuotaVariable() != null && quota != null) {
            context.variables().put(spec.remainingQuotaVariable(),
                    clampInt(Math.max(0, spec.tokenQuota() - quota.count())));
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
    private PolicyException refuse(PolicyContext context, TokenCounters.Window window, int status, String reason) {
        long millis = window == null ? 60_000 : window.millisToRenewal();
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

    /** What this request has counted so far, and whether the backend answered. */
    private static final class Usage {
        long consumed;
        boolean answered;

        Usage(long estimate) {
            this.consumed = estimate;
        }
    }
}
