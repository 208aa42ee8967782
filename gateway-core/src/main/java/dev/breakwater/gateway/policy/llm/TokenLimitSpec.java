package dev.breakwater.gateway.policy.llm;

import dev.breakwater.gateway.policy.limits.TokenQuotaPeriod;
import dev.breakwater.gateway.policy.runtime.Value;

/**
 * What one llm-token-limit (or azure-openai-token-limit) says, compiled.
 *
 * @param identity                 the policy's place: its counters are its own, across revisions
 * @param kind                     the element name, also the source of its errors
 * @param key                      counter-key
 * @param tokensPerMinute          tokens-per-minute, or {@code null} for no rate limit
 * @param tokenQuota               token-quota, or {@code null} for no quota
 * @param quotaPeriod              token-quota-period (with a quota)
 * @param estimatePrompt           estimate-prompt-tokens
 * @param retryAfterHeader         the header of the seconds to wait (Retry-After unless renamed)
 * @param retryAfterVariable       retry-after-variable-name, or {@code null}
 * @param remainingQuotaHeader     remaining-quota-tokens-header-name, or {@code null}
 * @param remainingQuotaVariable   remaining-quota-tokens-variable-name, or {@code null}
 * @param remainingHeader          remaining-tokens-header-name, or {@code null}
 * @param remainingVariable        remaining-tokens-variable-name, or {@code null}
 * @param consumedHeader           tokens-consumed-header-name, or {@code null}
 * @param consumedVariable         tokens-consumed-variable-name, or {@code null}
 */
public record TokenLimitSpec(String identity, String kind, Value<String> key, Value<Integer> tokensPerMinute,
                             Long tokenQuota, TokenQuotaPeriod quotaPeriod, boolean estimatePrompt,
                             String retryAfterHeader, String retryAfterVariable, String remainingQuotaHeader,
                             String remainingQuotaVariable, String remainingHeader, String remainingVariable,
                             String consumedHeader, String consumedVariable) {
}
