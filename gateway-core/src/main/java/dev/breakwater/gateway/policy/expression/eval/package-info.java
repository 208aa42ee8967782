/** What runs: evaluator interfaces, the per-evaluation frame and budget, .NET exceptions and arithmetic. */
package dev.breakwater.gateway.policy.expression.eval;
