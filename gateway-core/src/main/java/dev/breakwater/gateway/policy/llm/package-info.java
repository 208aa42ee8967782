/**
 * What the LLM token policies (llm-token-limit, llm-emit-token-metric and their azure-openai-*
 * names) know of OpenAI-style traffic: the request's prompt estimate and streaming flag
 * ({@link dev.breakwater.gateway.policy.llm.LlmRequest}), the usage an answer reports or its
 * estimate ({@link dev.breakwater.gateway.policy.llm.TokenUsage}), and the token limit's step. The
 * counters themselves are reached through {@link dev.breakwater.gateway.policy.limits.TokenCounters}.
 */
package dev.breakwater.gateway.policy.llm;
